import Link from "next/link";
import { wizardEntries } from "@/lib/wizards/ui/menu";

/**
 * Links to the wizards for a service and/or a workload (for the detail pages' Actions menu and the
 * graph's side panel and context menu). Without either, the namespace-wide mTLS and deny-all.
 */
export function WizardMenu({ namespace, service, workload, onNavigate }: { namespace: string; service?: string; workload?: string; onNavigate?: () => void }) {
  const entries = wizardEntries({ namespace, service, workload });
  return (
    <ul role="list" aria-label="Wizards" data-testid="wizard-menu" className="min-w-48 py-1 text-sm">
      {entries.map((e) => (
        <li key={e.wizard}>
          <Link href={e.href} data-wizard={e.wizard} onClick={onNavigate} className="block px-3 py-1.5 text-slate-700 hover:bg-slate-100 focus:bg-slate-100 focus:outline-none">
            {e.title}
          </Link>
        </li>
      ))}
    </ul>
  );
}
