/** Query and path parameters of the inventory API, validated with zod (422 with the issues when wrong). */
import { z } from "zod";
import { namespaceName, namespacesParam } from "@/lib/api/params";
import { timeWindow } from "@/lib/metrics/window";
import { DEFAULT_WINDOW } from "@/lib/url-state";

/** A Kubernetes object name (DNS-1123 subdomain: deployments, services; apps are `app` label values, which fit too). */
export const objectName = z
  .string()
  .max(253, "must be at most 253 characters")
  .regex(/^[a-zA-Z0-9]([-a-zA-Z0-9_.]*[a-zA-Z0-9])?$/, "must be a Kubernetes name or label value");

/** `?namespaces=a,b&window=5m` of the list endpoints. */
export const listQuery = z.object({ namespaces: namespacesParam, window: timeWindow.default(DEFAULT_WINDOW) });

/** `?namespaces=a,b&window=5m` of the overview; every visible namespace when `namespaces` is absent. */
export const overviewQuery = z.object({ namespaces: namespacesParam.optional(), window: timeWindow.default(DEFAULT_WINDOW) });

/** `/<kind>/[ns]/[name]` path parameters. */
export const objectPath = z.object({ ns: namespaceName, name: objectName });

/** `?window=5m` of the detail endpoints. */
export const detailQuery = z.object({ window: timeWindow.default(DEFAULT_WINDOW) });
