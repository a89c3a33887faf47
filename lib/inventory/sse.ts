/** One server-sent event (https://html.spec.whatwg.org/multipage/server-sent-events.html): data is JSON, so one line. */
export function sseMessage(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A comment line: keeps proxies and the browser from closing an idle stream. */
export const SSE_PING = ": ping\n\n";
