/**
 * The Istio CustomResourceDefinitions the cluster starts with, read from Istio's own
 * `crd-all.gen.yaml`, vendored in `crds/` (see crds/README.md for its provenance).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import yaml from "js-yaml";
import type { KubeObject } from "../contracts";
import { isKubeObject } from "./store";

/** Where the CRDs are read from unless `MESHSCOPE_ISTIO_CRDS` or an option says otherwise. */
export const DEFAULT_ISTIO_CRDS_FILE = path.join(__dirname, "crds", "crd-all.gen.yaml");

const cache = new Map<string, Promise<KubeObject[]>>();

/** The CRD objects of a multi-document YAML file (parsed once per file and process). */
export function loadIstioCrds(file = process.env["MESHSCOPE_ISTIO_CRDS"] ?? DEFAULT_ISTIO_CRDS_FILE): Promise<KubeObject[]> {
  let pending = cache.get(file);
  if (!pending) {
    pending = readFile(file, "utf8").then((text) =>
      yaml.loadAll(text).filter((d): d is KubeObject => isKubeObject(d) && d.kind === "CustomResourceDefinition"),
    );
    pending.catch(() => cache.delete(file));
    cache.set(file, pending);
  }
  return pending;
}
