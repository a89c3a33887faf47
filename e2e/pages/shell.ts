import type { Page } from "playwright-core";

/** Locators of the shell every page shares. */
export function shell(page: Page) {
  return {
    nav: (label: string) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label, exact: true }),
    namespacePicker: () => page.getByRole("button", { name: /Namespaces:/ }),
    namespaceOption: (name: string) => page.getByRole("dialog", { name: "Namespaces" }).getByRole("checkbox", { name, exact: true }),
    windowPicker: () => page.getByRole("combobox", { name: "Time window" }),
    refreshPicker: () => page.getByRole("combobox", { name: "Refresh interval" }),
    upstreamCard: (name: "kubernetes" | "prometheus" | "jaeger") => page.getByTestId(`upstream-${name}`),
  };
}

/** Locators of the workloads list. */
export function workloadsPage(page: Page) {
  return {
    rows: () => page.getByTestId("workload-row"),
    /** The row of one workload, by `namespace/name`. */
    row: (key: string) => page.locator(`[data-testid="workload-row"][data-key="${key}"]`),
    filter: () => page.getByRole("textbox", { name: "Filter workloads" }),
  };
}
