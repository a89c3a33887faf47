/**
 * Istio configuration validation: pure rules over a cluster snapshot, each finding with a stable
 * code (see docs/validations.md).
 */
export { validateMesh, validateObject, compareFindings, sortFindings, type ValidateObjectOptions } from "./validate";
export { prepareMesh, PreparedMesh } from "./prepared";
export type { MeshConfigInput, ValidationOptions, WorkloadLabels } from "./input";
export { VALIDATION_RULES, ruleInfo, type RuleInfo, type ValidationCode } from "./registry";
export { finding, objectRef, severity, configKind, type Finding, type ObjectRef, type Severity, type ConfigKind } from "./types";
export { formatPath, parsePath, comparePaths, type PathSegment } from "./path";
export { re2Problem } from "./re2";
