/**
 * One watch request: opens the stream, cuts it into events, and ends when the server closes it. A watchdog
 * destroys a stream that sends nothing for `silenceMs` (a dead connection that TCP has not noticed yet): the
 * reflector then resumes from its last resourceVersion.
 */
import type { KubeObject } from '../../shared/kube/objects';
import { ApiError, type ApiClient } from './api-client';
import { LineSplitter, parseWatchEvent, type WatchEventKind } from './watch-lines';

export interface WatchStreamOptions {
  client: ApiClient;
  path: string;
  signal: AbortSignal;
  silenceMs: number;
  /** The Accept header of the watch (PartialObjectMetadata for metadata-only kinds). */
  accept?: string;
  /** Called once the server accepted the watch (2xx). */
  onOpen(): void;
  /** Called for each event in order; throwing ends the watch with that error. */
  onEvent(type: WatchEventKind, object: KubeObject): void;
}

/** Resolves with the number of events received when the server ends the watch; rejects on failure. */
export async function watchStream(options: WatchStreamOptions): Promise<number> {
  const stream = await options.client.stream(options.path, { signal: options.signal, ...(options.accept ? { accept: options.accept } : {}) });
  options.onOpen();
  const splitter = new LineSplitter();
  let received = 0;
  return new Promise<number>((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(watchdog);
      options.signal.removeEventListener('abort', onAbort);
      stream.destroy();
      if (error) reject(error);
      else resolve(received);
    };
    const onAbort = (): void => finish(new ApiError(0, 'Stopped.'));
    options.signal.addEventListener('abort', onAbort, { once: true });
    let watchdog = setTimeout(onSilence, options.silenceMs);
    function onSilence(): void {
      // Not an error worth showing: the watch is simply reopened from the last resourceVersion.
      finish();
    }
    const handle = (line: string): void => {
      const event = parseWatchEvent(line);
      received += 1;
      options.onEvent(event.type, event.object);
    };
    stream.on('data', (chunk: Buffer) => {
      if (settled) return;
      clearTimeout(watchdog);
      watchdog = setTimeout(onSilence, options.silenceMs);
      try {
        for (const line of splitter.push(chunk)) handle(line);
      } catch (error) {
        finish(error as Error);
      }
    });
    stream.on('end', () => {
      try {
        const rest = splitter.flush();
        if (rest !== undefined) handle(rest);
        finish();
      } catch (error) {
        finish(error as Error);
      }
    });
    stream.on('error', (error: Error) => finish(new ApiError(0, `The watch connection to ${options.client.server} broke: ${error.message}.`)));
    // A close without 'end' (connection dropped) is a normal end for us: the reflector resumes from its version.
    stream.on('close', () => finish());
  });
}
