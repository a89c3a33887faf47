import type { Locator, Page } from "playwright-core";

/** Locators of the traces search page. */
export function tracesPage(page: Page) {
  const form = page.getByRole("form", { name: "Search traces" });
  return {
    service: () => form.getByRole("combobox", { name: "Service" }),
    operation: () => form.getByRole("combobox", { name: "Operation" }),
    field: (name: "Tags" | "Min duration" | "Max duration" | "Limit") => form.getByRole("textbox", { name }),
    find: () => form.getByRole("button", { name: "Find traces" }),
    form: () => form,
    rows: () => page.getByTestId("trace-row"),
    /** Rows whose services include every one of `services`. */
    rowsThrough: (...services: string[]) => services.reduce((rows, s) => rows.filter({ has: page.getByTestId("trace-services").getByText(s, { exact: false }) }), page.getByTestId("trace-row")),
    dots: () => page.getByTestId("trace-dot"),
    compareBox: (row: Locator) => row.getByRole("checkbox"),
    compareLink: () => page.getByRole("link", { name: "Compare the two selected traces" }),
  };
}

/** Locators of the trace view. */
export function traceView(page: Page) {
  return {
    spans: () => page.getByTestId("span-row"),
    spansOf: (service: string) => page.locator(`[data-testid="span-row"][data-service="${service}"]`),
    criticalSegments: () => page.getByTestId("critical-segment"),
    details: () => page.getByTestId("span-details"),
    /** The collapse/expand button of a span row. */
    toggle: (row: Locator) => row.getByRole("button", { name: /^(Collapse|Expand) / }),
    graphLink: () => page.getByRole("link", { name: "Show on graph" }),
    timeline: () => page.getByRole("region", { name: "Trace timeline" }),
  };
}

/** Locators of the compare view. */
export function compareView(page: Page) {
  return {
    rows: () => page.getByTestId("diff-row"),
    table: () => page.getByRole("table", { name: "Trace differences" }),
  };
}
