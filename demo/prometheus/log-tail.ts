import { closeSync, openSync, readSync, statSync } from "node:fs";

/** The size of `file` now (0 when missing), to read only what a later run appends. */
export function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function readFrom(file: string, from: number, maxBytes: number): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    const end = statSync(file).size;
    const start = Math.max(from, end - maxBytes);
    const buf = Buffer.alloc(Math.max(0, end - start));
    readSync(fd, buf, 0, buf.length, start);
    return buf.toString("utf8");
  } catch {
    return "";
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const ERROR_LINE = /(^error|level=error|level=fatal|\berr=|panic:)/i;

/**
 * What a failed server wrote to `file` after byte offset `from`, for error messages: its error
 * lines (Prometheus prints a flag error first and its whole usage after it) followed by the last
 * `maxLines` lines.
 */
export function readLogTail(file: string, from = 0, maxLines = 25): string {
  const lines = readFrom(file, from, 64 * 1024).trimEnd().split("\n");
  const tail = lines.slice(-maxLines);
  const errors = lines.slice(0, -maxLines).filter((l) => ERROR_LINE.test(l)).slice(0, 5);
  return [...errors, ...(errors.length > 0 ? ["…"] : []), ...tail].join("\n");
}
