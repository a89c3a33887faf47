import type { WizardContext } from "@/lib/wizards/api";

/** The workloads behind a version, and a missing sidecar (routing needs one to see the subset). */
export function versionNote(context: WizardContext, version: string): string | undefined {
  const v = context.versions.find((x) => x.version === version);
  if (!v) return "no workload has this version now";
  return `${v.workloads.join(", ")}${v.sidecar ? "" : " · no sidecar"}`;
}
