/**
 * A watch response is newline-delimited JSON: one event per line, over a long-lived chunked HTTP response.
 * Chunks split lines (and multi-byte UTF-8 characters) anywhere, so lines are cut from bytes, and only complete
 * lines are decoded: no string concatenation per chunk, no re-scanning of bytes already searched.
 */
import type { KubeObject } from '../../shared/kube/objects';

const NEWLINE = 0x0a;

export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(private readonly maxLineBytes = 64 * 1024 * 1024) {}

  /** The complete lines this chunk finishes (empty lines skipped). Throws when a line grows past the limit. */
  push(chunk: Buffer): string[] {
    const lines: string[] = [];
    let start = 0;
    let newline = chunk.indexOf(NEWLINE, start);
    while (newline !== -1) {
      const piece = chunk.subarray(start, newline);
      const line = this.pendingBytes > 0 ? Buffer.concat([...this.pending, piece]).toString('utf8') : piece.toString('utf8');
      this.pending = [];
      this.pendingBytes = 0;
      if (line.trim() !== '') lines.push(line);
      start = newline + 1;
      newline = chunk.indexOf(NEWLINE, start);
    }
    if (start < chunk.length) {
      this.pending.push(chunk.subarray(start));
      this.pendingBytes += chunk.length - start;
      if (this.pendingBytes > this.maxLineBytes) {
        throw new Error(`A watch event is larger than ${this.maxLineBytes} bytes; the stream is not a Kubernetes watch.`);
      }
    }
    return lines;
  }

  /** What is left when the stream ends (a last line without a newline), if anything. */
  flush(): string | undefined {
    const rest = Buffer.concat(this.pending).toString('utf8');
    this.pending = [];
    this.pendingBytes = 0;
    return rest.trim() === '' ? undefined : rest;
  }
}

export type WatchEventKind = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchEvent {
  type: WatchEventKind;
  object: KubeObject;
}

const EVENT_TYPES = new Set<string>(['ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK', 'ERROR']);

/** Parses one line of a watch stream; throws with a clear message on anything that is not a watch event. */
export function parseWatchEvent(line: string): WatchEvent {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new Error(`The watch stream sent a line that is not JSON: ${line.slice(0, 120)}`);
  }
  if (typeof value !== 'object' || value === null) throw new Error('The watch stream sent a line that is not an event.');
  const { type, object } = value as { type?: unknown; object?: unknown };
  if (typeof type !== 'string' || !EVENT_TYPES.has(type)) {
    throw new Error(`The watch stream sent an event of unknown type ${JSON.stringify(type)}.`);
  }
  if (typeof object !== 'object' || object === null || Array.isArray(object)) {
    throw new Error(`The watch stream sent a ${type} event without an object.`);
  }
  return { type: type as WatchEventKind, object: object as KubeObject };
}
