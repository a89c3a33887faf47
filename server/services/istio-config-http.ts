import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { searchParamsObject } from "@/lib/api/params";
import { writeBody, type WriteBody } from "@/lib/istio-config/schemas";
import type { ApiErrorBody } from "../http/errors";
import { validationError } from "../http/errors";
import { WriteRefusedError } from "./istio-config-writes";

type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/** Parses path parameters (awaited from Next's context) or a query string; 422 naming each field otherwise. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): Parsed<z.output<S>> {
  const p = schema.safeParse(value);
  return p.success ? { ok: true, data: p.data } : { ok: false, response: validationError(p.error) };
}

/** The query string of a request, parsed with `schema`. */
export function parseSearch<S extends z.ZodType>(schema: S, req: NextRequest): Parsed<z.output<S>> {
  return parseWith(schema, searchParamsObject(req.nextUrl.searchParams));
}

/** A JSON body (`{yaml}` or `{object}`); 415 unless it is JSON, 422 when it is not the expected shape. */
export async function parseWriteBody(req: NextRequest): Promise<Parsed<WriteBody>> {
  const json = await readJson(req);
  return json.ok ? parseWith(writeBody, json.data) : json;
}

/**
 * Reads a JSON body. Only `application/json` is accepted: a cross-site form can send
 * `text/plain` without a preflight, never JSON.
 */
export async function readJson(req: NextRequest): Promise<Parsed<unknown>> {
  if (!(req.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) {
    return { ok: false, response: NextResponse.json<ApiErrorBody>({ error: "Send the body as application/json" }, { status: 415 }) };
  }
  try {
    return { ok: true, data: await req.json() };
  } catch {
    return { ok: false, response: NextResponse.json<ApiErrorBody>({ error: "The body is not valid JSON", issues: [{ path: "(body)", message: "not valid JSON" }] }, { status: 422 }) };
  }
}

/** Runs a write's handler and answers a refused write with 422 and its issues (other errors go to `route`). */
export async function answerWrite(write: () => Promise<unknown>, status = 200): Promise<Response> {
  try {
    return NextResponse.json(await write(), { status });
  } catch (err) {
    if (err instanceof WriteRefusedError) return NextResponse.json<ApiErrorBody>({ error: err.message, issues: err.issues }, { status: 422 });
    throw err;
  }
}
