/**
 * Runs once when the server starts: validates the configuration and reports each upstream, so that a
 * missing or unreachable one is named at start, not discovered on the first page.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { reportStartup } = await import("./server/startup");
  await reportStartup();
}
