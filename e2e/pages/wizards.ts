import type { Locator, Page } from "playwright-core";

/** Locators of a wizard page (`/wizards/{wizard}?…`) and of the detail pages' Actions menu. */
export function wizardPage(page: Page) {
  const change = (kind: string, name: string) => page.locator(`[data-testid="change"][data-kind="${kind}"][data-name="${name}"]`);
  return {
    heading: () => page.getByRole("heading", { level: 1 }),
    /** The Actions button of a service or workload page, and one of its wizard links. */
    actions: () => page.getByRole("button", { name: /^Actions/ }),
    menuLink: (title: string) => page.getByTestId("wizard-menu").getByRole("link", { name: title, exact: true }),
    /** A version's number field and slider in the traffic-shifting editor. */
    weight: (version: string) => page.getByRole("spinbutton", { name: `Weight of ${version}`, exact: true }),
    slider: (version: string) => page.getByRole("slider", { name: `Weight of ${version} (slider)`, exact: true }),
    total: () => page.getByTestId("weights-total"),
    /** The error shown next to the field at `field` (a path in the input, e.g. `weights.0.weight`). */
    fieldError: (field: string) => page.locator(`[data-field-error="${field}"]`),
    mode: (mode: "STRICT" | "PERMISSIVE" | "DISABLE") => page.getByRole("radio", { name: mode, exact: true }),
    previewButton: () => page.getByRole("button", { name: /^Preview( again)?$/ }),
    applyButton: () => page.getByRole("button", { name: "Apply", exact: true }),
    applyBlocker: () => page.getByTestId("apply-blocker"),
    preview: () => page.getByTestId("preview"),
    currentPreview: () => page.locator('[data-testid="preview"][data-current="true"]'),
    changes: () => page.getByTestId("change"),
    change,
    dryRun: (c: Locator) => c.getByTestId("dry-run"),
    /** Switches a change's view (`Diff`, `YAML`, `In the cluster`) and returns its text block. */
    async show(c: Locator, view: "Diff" | "YAML" | "In the cluster"): Promise<Locator> {
      await c.getByRole("group", { name: /^Show / }).getByRole("button", { name: view, exact: true }).click();
      return c.locator(view === "Diff" ? '[data-testid="change-diff"]' : '[data-testid="change-yaml"]');
    },
    warnings: () => page.getByTestId("warnings"),
    mtlsRow: (workload: string) => page.locator(`[data-testid="mtls-row"][data-workload="${workload}"]`),
    conflict: () => page.getByTestId("conflict"),
    reload: () => page.getByTestId("conflict").getByRole("button", { name: "Reload" }),
    applied: () => page.getByTestId("applied"),
    previewError: () => page.getByTestId("preview-error"),

    /** Types a weight into a version's field and leaves it (Tab), as a keyboard user would. */
    async setWeight(version: string, value: number | string): Promise<void> {
      const f = page.getByRole("spinbutton", { name: `Weight of ${version}`, exact: true });
      await f.fill(String(value));
      await f.press("Tab");
    },
    /** The weights the fields show, by version. */
    async weights(): Promise<Record<string, string>> {
      const rows = await page.getByTestId("weight-row").evaluateAll((rs) =>
        rs.map((r) => [r.getAttribute("data-version") ?? "", (r.querySelector('input[type="number"]') as HTMLInputElement | null)?.value ?? ""] as const),
      );
      return Object.fromEntries(rows);
    },
  };
}
