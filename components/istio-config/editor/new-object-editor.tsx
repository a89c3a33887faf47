"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { namespaceName } from "@/lib/api/params";
import { editorHref, ISTIO_KEYS, istioKey, kindOfKey, type IstioKey } from "@/lib/istio-config/kinds";
import { outcomeOfError, type WriteOutcome } from "@/lib/istio-config/outcome";
import { createObject } from "@/lib/istio-config/queries";
import { templateFor } from "@/lib/istio-config/templates";
import type { FieldIssue } from "@/lib/istio-config/write-input";
import { useViewQuery, useViewState } from "@/components/layout/use-view-state";
import { ActionButton, EditorFrame } from "./editor-frame";
import { OutcomeBanner } from "./outcome-banner";
import { useDraftChecks } from "./use-draft-checks";

const NO_ISSUES: FieldIssue[] = [];

/**
 * The create page (`/istio-config/new?kind=virtualservices&namespace=bookinfo`): a kind's template
 * in the editor, checked as you type; Create (or Dry run) posts it, then opens the new object's editor.
 */
export function NewObjectEditor() {
  const params = useSearchParams();
  const [view] = useViewState();
  const kind = istioKey.safeParse(params.get("kind"));
  const ns = namespaceName.safeParse(params.get("namespace"));
  const namespace = ns.success ? ns.data : (view.namespaces[0] ?? "default");
  if (!kind.success) return <KindChooser namespace={namespace} />;
  return <NewObject key={`${kind.data}/${namespace}`} kindKey={kind.data} namespace={namespace} />;
}

function KindChooser({ namespace }: { namespace: string }) {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">New Istio object in {namespace}</h1>
      <ul className="flex flex-wrap gap-2">
        {ISTIO_KEYS.map((k) => (
          <li key={k}>
            <Link href={`/istio-config/new?kind=${k}&namespace=${encodeURIComponent(namespace)}`} className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-50">
              {kindOfKey(k)}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

function NewObject({ kindKey, namespace }: { kindKey: IstioKey; namespace: string }) {
  const client = useQueryClient();
  const router = useRouter();
  const viewQuery = useViewQuery();
  const kind = kindOfKey(kindKey);
  const [text, setText] = useState(() => templateFor(kindKey, namespace));
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<WriteOutcome>();
  const [serverIssues, setServerIssues] = useState<FieldIssue[]>(NO_ISSUES);
  const [readOnly, setReadOnly] = useState(false);
  const checks = useDraftChecks(text, { key: kindKey, namespace }, undefined, serverIssues);

  const handleChange = (t: string) => {
    setText(t);
    setServerIssues(NO_ISSUES);
  };

  async function handleCreate(dryRun: boolean) {
    setBusy(true);
    setServerIssues(NO_ISSUES);
    try {
      const r = await createObject({ namespace, key: kindKey }, text, dryRun);
      const name = String((r.object.metadata as { name?: unknown } | undefined)?.name ?? "");
      if (dryRun) {
        setOutcome({ kind: "done", dryRun, message: `Dry run passed: the API server would create ${kind} ${name}. Nothing was saved.` });
        return;
      }
      void client.invalidateQueries({ queryKey: ["istio-config"] });
      router.push(`${editorHref({ namespace, key: kindKey, name })}?created=1${viewQuery.replace(/^\?/, "&")}`);
    } catch (err) {
      const o = outcomeOfError(err);
      setOutcome(o);
      if (o.kind === "invalid") setServerIssues(o.issues);
      if (o.kind === "forbidden" && o.readOnly) setReadOnly(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-3" data-testid="new-object-editor">
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">
          New {kind} in <span className="font-mono text-xl">{namespace}</span>
        </h1>
        <Link href={`/istio-config/new?namespace=${encodeURIComponent(namespace)}`} className="text-sm text-blue-800 hover:underline">
          other kind…
        </Link>
      </header>
      <div className="flex flex-wrap gap-2">
        <ActionButton variant="primary" testId="create" onClick={() => void handleCreate(false)} disabled={busy || readOnly}>
          {busy ? "Working…" : "Create"}
        </ActionButton>
        <ActionButton testId="dry-run" onClick={() => void handleCreate(true)} disabled={busy || readOnly}>
          Dry run
        </ActionButton>
      </div>
      {outcome && <OutcomeBanner outcome={outcome} what={kind} />}
      <EditorFrame text={text} version={0} onChange={handleChange} problems={checks.problems} checking={checks.checking} validationError={checks.validationError} readOnly={readOnly} label={`New ${kind} YAML`} />
    </div>
  );
}
