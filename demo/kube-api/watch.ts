/**
 * Watch streams: newline-delimited JSON events (`{"type":"ADDED","object":{...}}`) over a chunked
 * response, resumable from a resourceVersion (410 Expired as an ERROR event when it is compacted),
 * with bookmarks, `timeoutSeconds`, `sendInitialEvents`, selectors (objects entering or leaving a
 * selector become ADDED/DELETED) and Table rendering for `kubectl get -w`.
 */
import type { ServerResponse } from "node:http";
import type { KubeObject } from "../contracts";
import type { ChangeType, StoreEvent } from "./event-log";
import type { ObjectFilter } from "./list-query";
import type { ResponseFormat } from "./negotiate";
import { includeObjectOf, partialOf } from "./render";
import { apiVersionOf, type ResourceType } from "./resource-types";
import { expired } from "./status";
import type { ObjectStore } from "./store";
import { toTable } from "./tables";

/** Open streams (watches, followed logs) that the server ends on close. */
export class StreamRegistry {
  private readonly closers = new Set<() => void>();

  /** Registers a stream's closer; returns the function that unregisters it. */
  add(close: () => void): () => void {
    this.closers.add(close);
    return () => this.closers.delete(close);
  }

  /** Ends every open stream. */
  closeAll(): void {
    for (const close of [...this.closers]) close();
    this.closers.clear();
  }

  /** How many streams are open. */
  get size(): number {
    return this.closers.size;
  }
}

/** What a watch watches. */
export interface WatchTarget {
  type: ResourceType;
  namespace?: string;
  filter: ObjectFilter;
  format: ResponseFormat;
  params: URLSearchParams;
}

/** Server-side settings of watches. */
export interface WatchSettings {
  store: ObjectStore;
  streams: StreamRegistry;
  bookmarkIntervalMs: number;
  /** Used when the client sends no timeoutSeconds. */
  defaultTimeoutSeconds: number;
}

/** A slow client whose unsent buffer grows past this is disconnected. */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;

/** Streams a watch until the client disconnects, the timeout passes or the server closes. */
export function serveWatch(res: ServerResponse, target: WatchTarget, settings: WatchSettings): void {
  const { store } = settings;
  const { type, namespace, filter, format, params } = target;
  const apiVersion = apiVersionOf(type);
  const inScope = (o: KubeObject): boolean => !type.namespaced || namespace === undefined || o.metadata.namespace === namespace;
  const matches = (o: KubeObject | undefined): o is KubeObject => o !== undefined && inScope(o) && filter(o);
  let sentColumns = false;

  const encode = (eventType: ChangeType | "BOOKMARK", object: KubeObject): string => {
    const versioned = object.apiVersion === apiVersion ? object : { ...object, apiVersion };
    let body: unknown = versioned;
    if (format.kind === "table" && eventType !== "BOOKMARK") {
      body = toTable(type, [versioned], {
        includeObject: includeObjectOf(params),
        resourceVersion: String(object.metadata.resourceVersion ?? ""),
        omitColumns: sentColumns,
      });
      sentColumns = true;
    } else if (format.kind === "partial" && eventType !== "BOOKMARK") body = partialOf(versioned);
    return `${JSON.stringify({ type: eventType, object: body })}\n`;
  };

  let closed = false;
  let unsubscribe = (): void => undefined;
  let unregister: () => unknown = () => undefined;
  const timers: NodeJS.Timeout[] = [];
  const finish = (): void => {
    if (closed) return;
    closed = true;
    unsubscribe();
    unregister();
    timers.forEach(clearTimeout);
    timers.forEach(clearInterval);
    if (!res.writableEnded) res.end();
  };
  const write = (chunk: string): void => {
    if (closed) return;
    res.write(chunk);
    if (res.writableLength > MAX_BUFFERED_BYTES) {
      finish();
      res.destroy();
    }
  };

  const toEvent = (e: StoreEvent): [ChangeType, KubeObject] | undefined => {
    if (e.storageKey !== type.storageKey) return undefined;
    const now = matches(e.object);
    const before = matches(e.previous);
    if (e.type === "ADDED") return now ? ["ADDED", e.object] : undefined;
    if (e.type === "DELETED") return before || now ? ["DELETED", e.object] : undefined;
    if (now && before) return ["MODIFIED", e.object];
    if (now) return ["ADDED", e.object];
    if (before) return ["DELETED", e.object];
    return undefined;
  };

  res.writeHead(200, {
    "Content-Type": "application/json",
    "Cache-Control": "no-cache, private",
    "Transfer-Encoding": "chunked",
  });
  res.flushHeaders();

  const rvParam = params.get("resourceVersion") ?? "";
  const sendInitial = params.get("sendInitialEvents") === "true";
  const allowBookmarks = params.get("allowWatchBookmarks") === "true" && format.kind === "json";
  const bookmark = (initialEnd = false): void => {
    const metadata: Record<string, unknown> = { resourceVersion: String(store.currentRevision()), creationTimestamp: null };
    if (initialEnd) metadata["annotations"] = { "k8s.io/initial-events-end": "true" };
    write(`${JSON.stringify({ type: "BOOKMARK", object: { kind: type.kind, apiVersion, metadata } })}\n`);
  };

  // Subscribing and replaying happen in the same tick, so no change falls between them.
  unsubscribe = store.subscribe((e) => {
    const event = toEvent(e);
    if (event) write(encode(event[0], event[1]));
  });
  unregister = settings.streams.add(finish);

  if (rvParam === "" || rvParam === "0" || sendInitial) {
    const current = store.list(type, type.namespaced ? namespace : undefined).filter(matches);
    for (const o of current) write(encode("ADDED", o));
    if (sendInitial && allowBookmarks) bookmark(true);
  } else {
    const revision = Number(rvParam);
    const replay = Number.isFinite(revision) ? store.changesSince(revision) : undefined;
    if (!replay) {
      const status = expired(
        Number.isFinite(revision)
          ? `too old resource version: ${rvParam} (${store.compactedRevision() + 1})`
          : `invalid resource version: ${JSON.stringify(rvParam)}`,
      ).status;
      write(`${JSON.stringify({ type: "ERROR", object: status })}\n`);
      finish();
      return;
    }
    for (const e of replay) {
      const event = toEvent(e);
      if (event) write(encode(event[0], event[1]));
    }
  }

  if (allowBookmarks) timers.push(setInterval(() => bookmark(), settings.bookmarkIntervalMs));
  const timeoutRaw = params.get("timeoutSeconds");
  const timeoutSeconds = (timeoutRaw && /^\d+$/.test(timeoutRaw) ? Number(timeoutRaw) : 0) || settings.defaultTimeoutSeconds;
  timers.push(setTimeout(finish, timeoutSeconds * 1000));
  // The response's "close" fires when the client goes away (the request's may fire as soon as it is read).
  res.on("close", finish);
}
