import "server-only";
import type { NextRequest } from "next/server";
import { telemetry } from "../telemetry";
import { errorResponse } from "./errors";

type Handler<C> = (req: NextRequest, ctx: C) => Promise<Response> | Response;

/**
 * Wraps a route handler: records its duration by route and status in the console's metrics, and turns
 * anything it throws into a JSON error response (never a stack trace).
 */
export function route<C>(name: string, handler: Handler<C>): Handler<C> {
  return async (req, ctx) => {
    const end = telemetry().httpDuration.startTimer({ route: name, method: req.method });
    let res: Response;
    try {
      res = await handler(req, ctx);
    } catch (err) {
      res = errorResponse(err);
    }
    end({ status: String(res.status) });
    return res;
  };
}
