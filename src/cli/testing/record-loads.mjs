// Test support: `node --import ./record-loads.mjs ...` appends the URL of every module the process loads, one a
// line, to the file named by KSE_RECORD_LOADS. Tests use it to see which files a `kse` command really loads.
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

// Loader hooks run in a thread of their own, which imports this file again: register only from the main thread.
if (isMainThread) register(import.meta.url);

/** The loader hook: note the module, then load it as usual. */
export async function load(url, context, nextLoad) {
  if (process.env.KSE_RECORD_LOADS) appendFileSync(process.env.KSE_RECORD_LOADS, `${url}\n`);
  return nextLoad(url, context);
}
