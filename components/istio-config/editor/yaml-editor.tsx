"use client";

import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { yaml } from "@codemirror/lang-yaml";
import { bracketMatching, defaultHighlightStyle, foldGutter, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { lintGutter, setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { Compartment, EditorState } from "@codemirror/state";
import { EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from "@codemirror/view";
import { useEffect, useRef } from "react";
import type { EditorProblem } from "@/lib/istio-config/problems";

/** Props of {@link YamlEditor}. */
export interface YamlEditorProps {
  /** The text to show; the editor is reset to it whenever `version` changes. */
  value: string;
  /** Bumped to replace the editor's content with `value` (a reload, a save's answer). */
  version: number;
  onChange: (text: string) => void;
  problems: readonly EditorProblem[];
  readOnly: boolean;
  label: string;
}

const theme = EditorView.theme({
  "&": { fontSize: "13px", border: "1px solid rgb(203 213 225)", borderRadius: "0.25rem", backgroundColor: "white" },
  ".cm-scroller": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace", minHeight: "24rem", maxHeight: "calc(100vh - 18rem)" },
  "&.cm-focused": { outline: "2px solid rgb(59 130 246)" },
});

/**
 * A YAML editor (CodeMirror 6): syntax highlighting, history, folding, and the problems found in the
 * text shown inline as lint diagnostics (underlined, with a marker in the gutter and a tooltip).
 * Loaded with `next/dynamic` so that only the editor pages download CodeMirror.
 */
export default function YamlEditor({ value, version, onChange, problems, readOnly, label }: YamlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const editable = useRef(new Compartment());
  const change = useRef(onChange);
  useEffect(() => {
    change.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (!host.current) return;
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          foldGutter(),
          history(),
          indentOnInput(),
          bracketMatching(),
          highlightActiveLine(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          yaml(),
          lintGutter(),
          theme,
          editable.current.of([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
          EditorView.contentAttributes.of({ "aria-label": label }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) change.current(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // The editor is created once; `version` resets its content, the other props are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const v = view.current;
    if (!v || v.state.doc.toString() === value) return;
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
    // Only a new version replaces the text: `value` follows the user's typing in between.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);

  useEffect(() => {
    view.current?.dispatch({ effects: editable.current.reconfigure([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]) });
  }, [readOnly]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const length = v.state.doc.length;
    // Problems were found in a text the user may have changed since: keep them inside the document.
    const diagnostics: Diagnostic[] = problems
      .filter((p) => p.from !== undefined)
      .map((p) => {
        const from = Math.min(p.from ?? 0, length);
        return { from, to: Math.max(from, Math.min(p.to ?? from, length)), severity: p.severity, message: p.code ? `${p.code}: ${p.message}` : p.message, source: p.source };
      });
    v.dispatch(setDiagnostics(v.state, diagnostics));
  }, [problems]);

  return <div ref={host} data-testid="yaml-editor" data-readonly={readOnly ? "true" : "false"} />;
}
