"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { configKindOfKey, kindOfKey } from "@/lib/istio-config/kinds";
import { outcomeOfError, type WriteOutcome } from "@/lib/istio-config/outcome";
import { deleteObject, istioConfigQueries, saveObject, type IstioObjectRef } from "@/lib/istio-config/queries";
import type { IstioObjectResponse } from "@/lib/istio-config/schemas";
import type { FieldIssue } from "@/lib/istio-config/write-input";
import { QueryState } from "@/components/ui/query-state";
import { useViewQuery } from "@/components/layout/use-view-state";
import { DeleteDialog } from "./delete-dialog";
import { ActionButton, EditorFrame, KeptText } from "./editor-frame";
import { OutcomeBanner } from "./outcome-banner";
import { useDraftChecks } from "./use-draft-checks";

/** The editor page of one object: loads it, then hands it to the editor. */
export function ObjectEditor({ target, created }: { target: IstioObjectRef; created: boolean }) {
  const { data, error, isPending } = useQuery(istioConfigQueries.object(target));
  return (
    <QueryState isPending={isPending} error={error}>
      {data && <LoadedEditor target={target} initial={data} latest={data} created={created} />}
    </QueryState>
  );
}

/**
 * Edits an object that exists: Save (a replace at the version it was opened at), Dry run, Delete
 * with a typed confirmation. A save refused because the object changed since (409) keeps the typed
 * text aside and offers to reload; a refusal (422) marks the fields at fault.
 */
function LoadedEditor({ target, initial, latest, created }: { target: IstioObjectRef; initial: IstioObjectResponse; latest: IstioObjectResponse; created: boolean }) {
  const client = useQueryClient();
  const router = useRouter();
  const viewQuery = useViewQuery();
  const kind = kindOfKey(target.key);
  const [base, setBase] = useState(initial);
  const [text, setText] = useState(initial.yaml);
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<WriteOutcome | undefined>(created ? { kind: "done", dryRun: false, message: `Created (resourceVersion ${initial.resourceVersion}).` } : undefined);
  const [serverIssues, setServerIssues] = useState<FieldIssue[]>([]);
  const [kept, setKept] = useState<string>();
  const [deleting, setDeleting] = useState(false);
  const [readOnly, setReadOnly] = useState(initial.readOnly);
  const replaces = useMemo(() => ({ kind: configKindOfKey(target.key), namespace: target.namespace, name: target.name }), [target.key, target.namespace, target.name]);
  const checks = useDraftChecks(text, target, replaces, serverIssues);
  const dirty = text !== base.yaml;
  const changedElsewhere = latest.resourceVersion !== base.resourceVersion && outcome?.kind !== "conflict";

  const handleChange = useCallback((t: string) => {
    setText(t);
    setServerIssues((prev) => (prev.length ? [] : prev));
  }, []);

  const handleRevert = () => {
    handleChange(base.yaml);
    setVersion((v) => v + 1);
  };

  const adopt = (r: IstioObjectResponse) => {
    setBase(r);
    setText(r.yaml);
    setVersion((v) => v + 1);
    client.setQueryData(istioConfigQueries.object(target).queryKey, r);
  };

  async function handleReload() {
    const fresh = await client.fetchQuery({ ...istioConfigQueries.object(target), staleTime: 0 }).catch((err: unknown) => {
      setOutcome(outcomeOfError(err));
      return undefined;
    });
    if (!fresh) return;
    if (dirty && kept === undefined) setKept(text);
    adopt(fresh);
    setOutcome(undefined);
    setServerIssues([]);
  }

  async function handleSave(dryRun: boolean) {
    setBusy(true);
    setServerIssues([]);
    try {
      const r = await saveObject(target, text, dryRun);
      if (dryRun) {
        setOutcome({ kind: "done", dryRun, message: `Dry run passed: the API server would accept this ${kind}${r.findings.length ? `, with ${r.findings.length} finding(s)` : ""}. Nothing was saved.` });
      } else {
        adopt(r);
        setOutcome({ kind: "done", dryRun, message: `Saved (resourceVersion ${r.resourceVersion}).` });
        void client.invalidateQueries({ queryKey: ["istio-config", "list"] });
      }
    } catch (err) {
      const o = outcomeOfError(err);
      setOutcome(o);
      if (o.kind === "invalid") setServerIssues(o.issues);
      if (o.kind === "conflict") setKept(text);
      if (o.kind === "forbidden" && o.readOnly) setReadOnly(true);
    } finally {
      setBusy(false);
    }
  }

  async function handleDelete() {
    setBusy(true);
    try {
      await deleteObject(target, base.resourceVersion);
      void client.invalidateQueries({ queryKey: ["istio-config"] });
      const q = new URLSearchParams(viewQuery.slice(1));
      if (!q.get("namespaces")) q.set("namespaces", target.namespace);
      router.push(`/istio-config?${q}`);
    } catch (err) {
      setDeleting(false);
      setOutcome(outcomeOfError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-3" data-testid="object-editor" data-resource-version={base.resourceVersion}>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">
          {kind} <span className="font-mono text-xl">{target.namespace}/{target.name}</span>
        </h1>
        <span className="text-xs text-slate-500">resourceVersion {base.resourceVersion}</span>
        {dirty && <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-800">unsaved changes</span>}
        <Link href={`/istio-config${viewQuery}`} className="ml-auto text-sm text-blue-800 hover:underline">
          ← Istio config
        </Link>
      </header>
      {readOnly && (
        <p role="note" className="rounded border border-slate-300 bg-slate-100 p-2 text-sm text-slate-700" data-testid="read-only">
          Read-only: the console runs with MESHSCOPE_READ_ONLY, so this {kind} can be viewed but not changed.
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <ActionButton variant="primary" testId="save" onClick={() => void handleSave(false)} disabled={busy || readOnly || !dirty}>
          {busy ? "Working…" : "Save"}
        </ActionButton>
        <ActionButton testId="dry-run" onClick={() => void handleSave(true)} disabled={busy || readOnly}>
          Dry run
        </ActionButton>
        <ActionButton testId="revert" onClick={handleRevert} disabled={busy || !dirty}>
          Revert
        </ActionButton>
        <ActionButton variant="danger" testId="delete" onClick={() => setDeleting(true)} disabled={busy || readOnly}>
          Delete…
        </ActionButton>
      </div>
      {changedElsewhere && (
        <OutcomeBanner outcome={{ kind: "conflict", message: `The cluster now has resourceVersion ${latest.resourceVersion}; you opened ${base.resourceVersion}.` }} what={kind} onReload={() => void handleReload()} />
      )}
      {outcome && <OutcomeBanner outcome={outcome} what={kind} onReload={() => void handleReload()} />}
      {kept !== undefined && <KeptText text={kept} onDismiss={() => setKept(undefined)} />}
      <EditorFrame text={text} version={version} onChange={handleChange} problems={checks.problems} checking={checks.checking} validationError={checks.validationError} readOnly={readOnly} label={`${kind} ${target.name} YAML`} />
      {deleting && <DeleteDialog kind={kind} name={target.name} busy={busy} onConfirm={() => void handleDelete()} onCancel={() => setDeleting(false)} />}
    </div>
  );
}
