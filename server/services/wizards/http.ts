import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { searchParamsObject } from "@/lib/api/params";
import { applyRequest, WIZARD_NAMES, wizardName, wizardRequest, wizardTarget, type WizardName } from "@/lib/wizards/api";
import { SERVICE_TARGETED, type BuildFailure } from "@/lib/wizards/builders";
import { WIZARD_INPUTS, type WizardInputs } from "@/lib/wizards/inputs";
import type { ApiErrorBody } from "../../http/errors";
import { validationError } from "../../http/errors";
import type { Identity } from "../../kube/identity";
import { resolveIdentity } from "../../kube/identity";
import { applyWizard } from "./apply";
import { getWizardContext } from "./context";
import { previewWizard } from "./preview";

/** The route context of `/api/wizards/[wizard]/...`. */
export type WizardRouteContext = { params: Promise<{ wizard: string }> };

type Issue = { path: string; message: string };

const issuesOf = (err: z.ZodError, prefix: string[] = []): Issue[] =>
  err.issues.map((i) => ({ path: [...prefix, ...i.path.map(String)].join(".") || "(root)", message: i.message }));

function unprocessable(issues: Issue[]): NextResponse<ApiErrorBody> {
  return NextResponse.json({ error: `Invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, issues }, { status: 422 });
}

const REASONS = { 404: "NotFound", 409: "Conflict", 422: "Invalid" } as const;

/** A builder's refusal as an answer: 422 with the fields at fault, 404, or 409. */
export function failureResponse(f: BuildFailure): NextResponse<ApiErrorBody> {
  const body: ApiErrorBody = { error: f.message, reason: REASONS[f.status] };
  if (f.issues.length > 0) body.issues = f.issues;
  return NextResponse.json(body, { status: f.status });
}

type Parsed<S extends z.ZodType> = { ok: true; wizard: WizardName; body: z.output<S>; input: WizardInputs[WizardName] } | { ok: false; response: Response };

/**
 * Validates a wizard call: the wizard's name (404 naming the valid ones), the JSON body with `schema`,
 * `input` with the wizard's own schema (issue paths start with `input.`), and the target a service
 * wizard needs. All issues come back together in one 422.
 */
async function parseCall<S extends z.ZodType<{ target: z.output<typeof wizardTarget> }>>(req: NextRequest, ctx: WizardRouteContext, schema: S): Promise<Parsed<S>> {
  const { wizard: raw } = await ctx.params;
  const name = wizardName.safeParse(raw);
  if (!name.success) {
    return { ok: false, response: NextResponse.json<ApiErrorBody>({ error: `Unknown wizard "${raw}": use one of ${WIZARD_NAMES.join(", ")}`, reason: "NotFound" }, { status: 404 }) };
  }
  const wizard = name.data;
  let json: unknown;
  try {
    json = await req.json();
  } catch {
    return { ok: false, response: unprocessable([{ path: "(body)", message: "must be a JSON object" }]) };
  }
  const body = schema.safeParse(json);
  const rawInput = json !== null && typeof json === "object" && "input" in json ? json.input : undefined;
  const input = WIZARD_INPUTS[wizard].safeParse(rawInput);
  const issues = [...(body.success ? [] : issuesOf(body.error)), ...(input.success ? [] : issuesOf(input.error, ["input"]))];
  if (body.success && SERVICE_TARGETED.has(wizard) && !body.data.target.service) issues.push({ path: "target.service", message: "is required for this wizard" });
  if (issues.length > 0 || !body.success || !input.success) return { ok: false, response: unprocessable(issues) };
  return { ok: true, wizard, body: body.data, input: input.data };
}

/** `POST /api/wizards/{wizard}/preview` (inside `mutationRoute`). */
export async function handlePreview(req: NextRequest, ctx: WizardRouteContext, identity: Identity): Promise<Response> {
  const call = await parseCall(req, ctx, wizardRequest);
  if (!call.ok) return call.response;
  const result = await previewWizard(identity, call.wizard, call.body.target, call.input);
  return "ok" in result ? failureResponse(result) : NextResponse.json(result);
}

/** `POST /api/wizards/{wizard}/apply` (inside `mutationRoute`). */
export async function handleApply(req: NextRequest, ctx: WizardRouteContext, identity: Identity): Promise<Response> {
  const call = await parseCall(req, ctx, applyRequest);
  if (!call.ok) return call.response;
  const result = await applyWizard(identity, call.wizard, call.body.target, call.input, call.body.expected);
  return "ok" in result ? failureResponse(result) : NextResponse.json(result);
}

/** `GET /api/wizards/context?namespace=&service=&workload=`. */
export async function handleContext(req: NextRequest): Promise<Response> {
  const target = wizardTarget.safeParse(searchParamsObject(req.nextUrl.searchParams));
  if (!target.success) return validationError(target.error);
  return NextResponse.json(await getWizardContext(resolveIdentity(req.headers), target.data));
}
