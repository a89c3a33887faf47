/**
 * A snapshot parsed and indexed once. Building the rules' context parses every object of the
 * snapshot (thousands of Services on a large cluster), which dwarfs judging one object: a caller that
 * judges many drafts against the same snapshot (the editor, as the user types) prepares it once and
 * passes the prepared snapshot to `validateObject` and `validateMesh`.
 */
import { buildContext, type Context } from "./context";
import type { MeshConfigInput } from "./input";

const contexts = new WeakMap<PreparedMesh, Context>();

/** A snapshot with its rules' context built (see the module comment). Immutable: judging never changes it. */
export class PreparedMesh {
  constructor(readonly input: MeshConfigInput) {
    contexts.set(this, buildContext(input));
  }
}

/** Parses and indexes `input` once, for many `validateObject` / `validateMesh` calls. */
export function prepareMesh(input: MeshConfigInput): PreparedMesh {
  return new PreparedMesh(input);
}

/** The context of a prepared snapshot, or a fresh one for a raw snapshot. */
export function contextOf(snapshot: MeshConfigInput | PreparedMesh): Context {
  if (!(snapshot instanceof PreparedMesh)) return buildContext(snapshot);
  let ctx = contexts.get(snapshot);
  if (!ctx) contexts.set(snapshot, (ctx = buildContext(snapshot.input)));
  return ctx;
}
