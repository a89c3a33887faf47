import type { Page } from "playwright-core";

/** Locators of the Istio config list. */
export function istioConfigList(page: Page) {
  return {
    rows: () => page.getByTestId("istio-row"),
    /** A row by `key/namespace/name` (key = `virtualservices`…). */
    row: (id: string) => page.locator(`[data-testid="istio-row"][data-key="${id}"]`),
    findings: (id: string) => page.locator(`[data-testid="istio-row"][data-key="${id}"]`).getByTestId("findings"),
    nameFilter: () => page.getByRole("textbox", { name: "Filter Istio objects by name" }),
    kind: (kind: string) => page.getByRole("group", { name: "Filter by kind" }).getByRole("button", { name: kind, exact: true }),
    severity: (label: "error" | "warning" | "info" | "no findings") => page.getByRole("group", { name: "Filter by severity" }).getByRole("button", { name: label }),
    count: () => page.getByTestId("row-count"),
    create: () => page.getByTestId("create-menu").locator("summary"),
    createKind: (kind: string) => page.getByTestId("create-menu").getByRole("link", { name: new RegExp(`^${kind} `) }),
  };
}

/** Locators and actions of the YAML editor pages (an object's editor, and the create page). */
export function istioEditor(page: Page) {
  const content = page.locator(".cm-content");
  return {
    editor: () => page.getByTestId("yaml-editor"),
    objectEditor: () => page.getByTestId("object-editor"),
    /** Problems listed under the editor, of one source (`yaml`, `schema`, `object`, `validation`, `server`). */
    problems: (source?: string) => page.locator(source ? `[data-testid="editor-problem"][data-source="${source}"]` : '[data-testid="editor-problem"]'),
    problemsSettled: () => page.locator('[data-testid="problems"][data-checking="false"]'),
    /** Inline error marks in the text. */
    errorMarks: () => page.locator(".cm-lintRange-error"),
    save: () => page.getByTestId("save"),
    create: () => page.getByTestId("create"),
    dryRun: () => page.getByTestId("dry-run"),
    delete: () => page.getByTestId("delete"),
    outcome: () => page.getByTestId("write-outcome"),
    keptText: () => page.getByTestId("kept-text"),
    reload: () => page.getByRole("button", { name: "Reload the current version" }),
    confirmName: () => page.getByRole("textbox", { name: "Type the name to confirm" }),
    confirmDelete: () => page.getByRole("dialog").getByRole("button", { name: "Delete" }),
    /** The editor's text (every line is rendered for documents this small). */
    text: async () => (await page.locator(".cm-content .cm-line").allTextContents()).join("\n"),
    /** Replaces the editor's whole text, as a paste would. */
    setText: async (text: string) => {
      await content.click();
      await page.keyboard.press("Control+A");
      await page.keyboard.insertText(text);
    },
  };
}
