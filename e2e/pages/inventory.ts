import type { Page } from "playwright-core";

/** Locators of the overview's namespaces. */
export function overviewPage(page: Page) {
  return {
    card: (ns: string) => page.getByTestId(`namespace-card-${ns}`),
    /** The link from a namespace's card to its workloads. */
    open: (ns: string) => page.getByTestId(`namespace-card-${ns}`).getByTestId("namespace-link"),
    sparkline: (ns: string) => page.getByTestId(`namespace-card-${ns}`).getByTestId("sparkline"),
    mtls: (ns: string) => page.getByTestId(`namespace-card-${ns}`).getByTestId("mtls"),
    failurePill: (ns: string) => page.getByTestId(`namespace-card-${ns}`).locator('[data-testid="health-count"][data-health="failure"]'),
    filter: () => page.getByRole("textbox", { name: "Filter namespaces by name" }),
    count: () => page.getByTestId("namespace-count"),
  };
}

/** Locators of an inventory list (workloads, apps or services). */
export function listPage(page: Page, rowTestId: "workload-row" | "app-row" | "service-row") {
  return {
    row: (key: string) => page.locator(`[data-testid="${rowTestId}"][data-key="${key}"]`),
    rows: () => page.getByTestId(rowTestId),
    link: (key: string, name: string) => page.locator(`[data-testid="${rowTestId}"][data-key="${key}"]`).getByRole("link", { name, exact: true }),
    healthFilter: () => page.getByRole("combobox", { name: "Filter by health" }),
    count: () => page.getByTestId("row-count"),
  };
}

/** Locators of a workload, app or service page. */
export function detailPage(page: Page) {
  return {
    heading: () => page.getByRole("heading", { level: 1 }),
    tab: (name: "Overview" | "Traffic" | "Logs") => page.getByRole("tab", { name }),
    healthPanel: () => page.getByTestId("health-panel"),
    pods: () => page.getByTestId("pod-row"),
    peer: (key: string) => page.locator(`[data-testid="peer"][data-key="${key}"]`),
    istio: () => page.getByTestId("istio-panel"),
    chart: (direction: "Inbound traffic" | "Outbound traffic", id: string) =>
      page.getByRole("region", { name: direction }).locator(`[data-testid="metric-chart"][data-chart="${id}"]`),
    split: (label: "Total" | "By peer" | "By response code") => page.getByRole("group", { name: "Split series" }).getByRole("button", { name: label }),
    logView: (container: string) => page.locator(`[data-testid="log-view"][data-container="${container}"]`),
    logFilter: () => page.getByRole("textbox", { name: "Filter log lines" }),
  };
}
