#!/usr/bin/env node
// The `kse` command: runs the bundle that `npm run build` makes in out/cli (src/cli/main.ts and what it imports,
// compiled once). From a checkout, a bundle that is missing or older than its sources is built first, here, with
// one line on stderr: esbuild does it in a second or two, so a fresh clone works right after `npm install`.
import { pathToFileURL, fileURLToPath } from 'node:url';
import { buildCliBundle, bundleState } from '../scripts/cli-bundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = bundleState(root);
let entry = bundle.entry;
if (bundle.state !== 'current') {
  if (!bundle.checkout) {
    process.stderr.write(`kse: the command's bundle (out/cli in ${root}) is missing and there are no sources to build it from. Reinstall kse.\n`);
    process.exit(1);
  }
  const why = bundle.state === 'missing' ? 'no bundle yet' : `${bundle.reason} since the last build`;
  process.stderr.write(`kse: building the command (${why}); "npm run build" does this too…\n`);
  try {
    entry = (await buildCliBundle(root)).entry;
  } catch (error) {
    process.stderr.write(`kse: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
const { runAsProcess } = await import(pathToFileURL(entry).href);
await runAsProcess(process.argv.slice(2));
