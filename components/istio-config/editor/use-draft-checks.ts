"use client";

import { useEffect, useState } from "react";
import type { IstioKey } from "@/lib/istio-config/kinds";
import { findingProblems, identityProblems, pathProblems, sortProblems, yamlProblems, type EditorProblem } from "@/lib/istio-config/problems";
import { validateDraft } from "@/lib/istio-config/queries";
import { checkSchema } from "@/lib/istio-config/schema-check";
import type { FieldIssue } from "@/lib/istio-config/write-input";
import { parseObjectYaml } from "@/lib/istio-config/yaml";
import type { ObjectRef } from "@/lib/validation";

/** Time after the last keystroke before the text is checked. */
const DEBOUNCE_MS = 350;

export interface DraftChecks {
  problems: EditorProblem[];
  /** A check of the latest text is under way. */
  checking: boolean;
  /** The validation service could not be reached: findings are missing, not absent. */
  validationError?: string;
}

/**
 * Checks the editor's text as the user types (debounced): YAML syntax, then the object's identity
 * against the page, the kind's schema (in the browser) and the validation findings (asked of the
 * server, which holds the cluster snapshot the rules need). `serverIssues` (a refused save) are
 * shown at their fields too.
 */
export function useDraftChecks(
  text: string,
  target: { key: IstioKey; namespace: string; name?: string },
  replaces: ObjectRef | undefined,
  serverIssues: readonly FieldIssue[],
): DraftChecks {
  // The checks of the text they were computed for: checking while that is not the current text.
  const [state, setState] = useState<{ text: string | undefined; problems: EditorProblem[]; validationError?: string }>({ text: undefined, problems: [] });
  const { key, namespace, name } = target;
  const replacesKey = replaces ? `${replaces.kind}/${replaces.namespace}/${replaces.name}` : "";

  useEffect(() => {
    const abort = new AbortController();
    const timer = setTimeout(() => {
      void (async () => {
        const parsed = parseObjectYaml(text);
        if (!parsed.ok) {
          setState({ text, problems: yamlProblems(text, parsed.problems) });
          return;
        }
        const { doc, object } = parsed;
        const server = pathProblems("server", serverIssues, doc, text);
        const identity = identityProblems(object, { key, namespace, ...(name !== undefined ? { name } : {}) }, doc, text);
        const [schema, findings] = await Promise.all([
          checkSchema(key, object).then((issues) => pathProblems("schema", issues, doc, text)),
          validateDraft(object, namespace, replaces, abort.signal).then(
            (r) => ({ problems: findingProblems(r.findings, doc, text) }),
            (err: unknown) => ({ problems: [] as EditorProblem[], error: err instanceof Error ? err.message : String(err) }),
          ),
        ]);
        if (abort.signal.aborted) return;
        setState({
          text,
          problems: sortProblems([...server, ...identity, ...schema, ...findings.problems]),
          ...("error" in findings && findings.error ? { validationError: findings.error } : {}),
        });
      })();
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
    // `replaces` is compared by its key: a new object with the same reference must not re-check.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, key, namespace, name, replacesKey, serverIssues]);

  return { problems: state.problems, checking: state.text !== text, ...(state.validationError ? { validationError: state.validationError } : {}) };
}
