/**
 * Heap in use after a full garbage collection, for "bytes per object" figures (issue 13, item 5).
 *
 * `global.gc` exists only under `node --expose-gc`; `npm run bench` runs through tsx without it, so the flag is
 * set at run time (v8.setFlagsFromString) and `gc` is taken from a new V8 context, which then has it: the way
 * Node's own tests reach it (test/common). Two collections in a row, so that objects freed by finalisers of the
 * first are gone too. `process.memoryUsage().heapUsed` is V8's used heap in bytes (strings, objects, arrays;
 * not Buffers, which live outside it).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

function gc(): () => void {
  if (collect) return collect;
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return (collect = exposed);
  setFlagsFromString('--expose-gc');
  collect = runInNewContext('gc') as () => void;
  return collect;
}

/** Bytes of V8 heap in use after two full collections. */
export function heapUsedAfterGc(): number {
  const run = gc();
  run();
  run();
  return process.memoryUsage().heapUsed;
}

/**
 * What `objects` cost on the heap when held as the reflector holds them (parsed from JSON): a copy of each
 * made by JSON.parse of its JSON, heap measured before and after, divided by the count. Also the average JSON
 * size, to compare with. Not exact (other work in the process moves the heap by some KiB), so meant for
 * thousands of objects. Returns zeros for none.
 */
export function heapPerObject(objects: readonly unknown[]): { count: number; heapBytes: number; jsonBytes: number } {
  if (objects.length === 0) return { count: 0, heapBytes: 0, jsonBytes: 0 };
  const texts = objects.map((o) => JSON.stringify(o));
  const jsonBytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0) / objects.length;
  const before = heapUsedAfterGc();
  const copies = texts.map((t) => JSON.parse(t) as unknown);
  const after = heapUsedAfterGc();
  // The texts and the copies both stay alive until after the second measurement (the texts were in "before").
  keep(texts, copies);
  return { count: objects.length, heapBytes: (after - before) / copies.length, jsonBytes };
}

let sink: unknown;
function keep(...values: unknown[]): void {
  sink = values;
  sink = undefined;
}
