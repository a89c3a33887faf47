/** Path and query parameters of the Istio config API, validated with zod (422 naming the field). */
import { z } from "zod";
import { namespaceName, namespacesParam } from "@/lib/api/params";
import { objectName } from "@/lib/wizards/api";
import { istioKey } from "./kinds";

/** `/api/istio-config/{namespace}/{kind}`: where a create goes. */
export const kindPath = z.object({ namespace: namespaceName, kind: istioKey });

/** `/api/istio-config/{namespace}/{kind}/{name}`: one object. */
export const objectPath = kindPath.extend({ name: objectName });

const flag = z
  .enum(["true", "false", "1", "0"], { error: "must be true or false" })
  .optional()
  .transform((v) => v === "true" || v === "1");

/** `?dryRun=true` of `PUT` and `POST`. */
export const writeQuery = z.object({ dryRun: flag });

/** `?resourceVersion=…&dryRun=true` of `DELETE`: the version the caller confirmed deleting. */
export const deleteQuery = z.object({ dryRun: flag, resourceVersion: z.string().min(1).max(64).optional() });

/** `?namespaces=` of the validations counts: every namespace the caller may list when absent. */
export const validationsQuery = z.object({ namespaces: namespacesParam.optional() });
