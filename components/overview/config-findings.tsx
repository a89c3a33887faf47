import Link from "next/link";
import type { NamespaceFindings } from "@/lib/istio-config/schemas";
import { withViewState, type ViewState } from "@/lib/url-state";
import { SeverityIcon } from "@/components/istio-config/severity";

/**
 * A namespace's Istio config findings: errors and warnings, linking to its Istio config list
 * filtered to them. Nothing while the counts load (the overview does not wait for them).
 */
export function ConfigFindings({ findings, view }: { findings: NamespaceFindings | undefined; view: ViewState }) {
  if (!findings) return null;
  const { namespace, error, warning } = findings;
  const base = withViewState(new URLSearchParams(), { ...view, namespaces: [namespace] });
  if (error + warning === 0) {
    return (
      <Link href={`/istio-config?${base}`} className="inline-flex items-center gap-1 text-xs text-slate-500 hover:underline" title={`${findings.objects} Istio objects, no errors or warnings`} data-testid="config-findings" data-errors="0" data-warnings="0">
        <SeverityIcon level="none" /> config
      </Link>
    );
  }
  base.set("severity", [error ? "error" : "", warning ? "warning" : ""].filter(Boolean).join(","));
  return (
    <Link
      href={`/istio-config?${base}`}
      className="inline-flex items-center gap-1.5 rounded px-1 text-xs tabular-nums hover:bg-slate-100"
      title={`Istio config: ${error} error(s), ${warning} warning(s) in ${findings.objectsWithFindings} of ${findings.objects} objects`}
      data-testid="config-findings"
      data-errors={error}
      data-warnings={warning}
    >
      {error > 0 && (
        <span className="inline-flex items-center gap-0.5">
          <SeverityIcon level="error" />
          {error}
        </span>
      )}
      {warning > 0 && (
        <span className="inline-flex items-center gap-0.5">
          <SeverityIcon level="warning" />
          {warning}
        </span>
      )}
      <span className="text-slate-500">config</span>
    </Link>
  );
}
