import "server-only";
import { ConfigError, getConfig } from "./config";
import { kubeCache } from "./kube/cache";
import { checkUpstreams } from "./services/readiness";

/**
 * Logs the configuration and whether each upstream answers. A bad configuration stops the server
 * with a message naming the variable; an unreachable upstream is reported and retried by the pages.
 */
export async function reportStartup(): Promise<void> {
  try {
    getConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`[meshscope] ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const statuses = await checkUpstreams();
  for (const s of statuses) {
    const where = s.url ?? "not configured";
    if (s.ok) console.log(`[meshscope] ${s.name}: ok (${where}) ${s.detail ?? ""}`);
    else console.warn(`[meshscope] ${s.name}: UNAVAILABLE (${where}): ${s.error}`);
  }
  if (statuses.find((s) => s.name === "kubernetes")?.ok) kubeCache(); // warm the watch-fed cache
}
