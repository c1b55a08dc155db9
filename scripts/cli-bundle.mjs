/**
 * The `kse` command's bundle: src/cli/main.ts and everything it imports, dependencies included, bundled by
 * esbuild into out/cli with one chunk per command (each command is a dynamic import), so that starting `kse`
 * compiles nothing and loads only what the command needs. Unbundled, the Kubernetes client alone takes about
 * 1.3 s to load (hundreds of files); run-time TypeScript compilation (tsx) took 1.5-2 s before any command ran.
 *
 * Plain JavaScript, so that bin/kse.mjs can use it before anything is built. `npm run build` runs it
 * (`node scripts/cli-bundle.mjs`); bin/kse.mjs checks with bundleState() that the bundle is there and not older
 * than its sources, and builds it first when it is not (esbuild takes one to three seconds here).
 *
 * out/cli/bundle.json (the manifest) names the entry file and lists the project files the bundle was made from.
 * Output file names carry a content hash and the manifest is replaced last, by a rename: several `kse` processes
 * may build at once (tests start many), and none of them ever loads a half-written file.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where the bundle goes, relative to the project root. */
export const BUNDLE_DIR = join('out', 'cli');
const MANIFEST = 'bundle.json';
/** Which project and dependency files each output file holds, for tests. */
export const CONTENTS = 'contents.json';
const FORMAT = 1;
const ENTRY_SOURCE = join('src', 'cli', 'main.ts');
/**
 * Files that are not inputs of the bundle but change what it would be: the dependencies (npm install rewrites
 * node_modules/.package-lock.json) and this build script. Missing ones are ignored.
 */
const ALSO_WATCHED = ['package.json', 'package-lock.json', join('node_modules', '.package-lock.json'), join('scripts', 'cli-bundle.mjs')];

/** A build that could not be done; the message says what to do. */
export class CliBundleError extends Error {}

/**
 * The bundle under `root`: `current` (with its entry file), `missing`, or `stale` (older than one of its inputs;
 * `reason` names the file). Bundle files are only compared with sources when the sources are there (`checkout`):
 * an installed copy without src/ uses the bundle it has. Costs one stat per input file (a few milliseconds).
 * @param {string} root the project root (holds package.json, src/ and out/)
 * @returns {{ state: 'current' | 'missing' | 'stale', entry?: string, reason?: string, checkout: boolean }}
 */
export function bundleState(root) {
  const checkout = existsSync(join(root, ENTRY_SOURCE));
  const manifest = readManifest(root);
  const entry = manifest && join(root, BUNDLE_DIR, manifest.entry);
  if (!manifest || !entry || !existsSync(entry)) return { state: 'missing', checkout };
  if (!checkout) return { state: 'current', entry, checkout };
  for (const file of manifest.inputs) {
    const mtime = mtimeOf(join(root, file));
    if (mtime === undefined) return { state: 'stale', entry, checkout, reason: `${file} is gone` };
    if (mtime > manifest.builtAt) return { state: 'stale', entry, checkout, reason: `${file} changed` };
  }
  for (const file of ALSO_WATCHED) {
    const mtime = mtimeOf(join(root, file));
    if (mtime !== undefined && mtime > manifest.builtAt) return { state: 'stale', entry, checkout, reason: `${file} changed` };
  }
  return { state: 'current', entry, checkout };
}

/**
 * Bundles src/cli/main.ts into out/cli and writes the manifest. Returns the entry file's absolute path.
 * @param {string} root the project root
 * @returns {Promise<{ entry: string, millis: number }>}
 * @throws {CliBundleError} when esbuild is not installed or the sources do not build
 */
export async function buildCliBundle(root) {
  const started = performance.now();
  // Taken before any source is read: a file saved during the build is newer, so the next run builds again.
  const builtAt = Date.now();
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch (error) {
    throw new CliBundleError(`esbuild is not installed (${firstLine(error)}). Run "npm install" in ${root}, then "npm run build".`);
  }
  const outdir = join(root, BUNDLE_DIR);
  let result;
  try {
    result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: { kse: ENTRY_SOURCE },
      outdir,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      // Dependencies are bundled too: loading one file is far quicker than resolving and loading hundreds.
      packages: 'bundle',
      entryNames: '[name]-[hash]',
      chunkNames: 'chunk-[hash]',
      // Bundled CommonJS dependencies call require() for node's own modules; ESM output has no require of its own.
      banner: { js: "import { createRequire as __kseCreateRequire } from 'node:module'; const require = __kseCreateRequire(import.meta.url);" },
      sourcemap: 'linked',
      metafile: true,
      write: false,
      logLevel: 'silent',
    });
  } catch (error) {
    const messages = (error?.errors ?? []).slice(0, 5).map((e) => `${e.location ? `${e.location.file}:${e.location.line}: ` : ''}${e.text}`);
    throw new CliBundleError(`The kse sources do not build: ${messages.length > 0 ? messages.join('; ') : firstLine(error)}. Fix them, or run "npm run typecheck" to see why.`);
  }

  mkdirSync(outdir, { recursive: true });
  const outputs = [];
  for (const file of result.outputFiles) {
    writeAtomically(file.path, file.contents);
    outputs.push(relative(outdir, file.path));
  }
  // Chunks of dynamic imports are entry points of their own in the metafile: look for ours by its source.
  const entryOutput = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint === ENTRY_SOURCE.split(sep).join('/'));
  if (!entryOutput) throw new CliBundleError('esbuild produced no entry file. Report this.');
  const entry = relative(outdir, join(root, entryOutput[0]));
  const inputs = Object.keys(result.metafile.inputs).filter((path) => !path.split(/[\\/]/).includes('node_modules'));
  const previous = readManifest(root);
  // Which sources each output holds (tests check that a command loads only what it needs); not read at run time.
  const contents = Object.fromEntries(
    Object.entries(result.metafile.outputs)
      .filter(([path]) => !path.endsWith('.map'))
      .map(([path, output]) => [relative(outdir, join(root, path)), Object.keys(output.inputs).sort()]),
  );
  writeAtomically(join(outdir, CONTENTS), `${JSON.stringify(contents, null, 1)}\n`);
  writeAtomically(join(outdir, MANIFEST), `${JSON.stringify({ format: FORMAT, entry, builtAt, inputs: inputs.sort(), outputs }, null, 1)}\n`);
  // Files of older builds go, except the previous build's: a `kse` process started from it may still load its chunks.
  const keep = new Set([MANIFEST, CONTENTS, ...outputs, ...(previous?.outputs ?? [])]);
  for (const name of readdirSync(outdir)) {
    if (!keep.has(name) && !name.includes('.tmp-')) rmSync(join(outdir, name), { force: true, recursive: true });
  }
  return { entry: join(outdir, entry), millis: performance.now() - started };
}

/** @returns {{ format: number, entry: string, builtAt: number, inputs: string[], outputs: string[] } | undefined} */
function readManifest(root) {
  try {
    const manifest = JSON.parse(readFileSync(join(root, BUNDLE_DIR, MANIFEST), 'utf8'));
    const valid =
      manifest?.format === FORMAT &&
      typeof manifest.entry === 'string' &&
      basename(manifest.entry) === manifest.entry &&
      typeof manifest.builtAt === 'number' &&
      Array.isArray(manifest.inputs) &&
      Array.isArray(manifest.outputs);
    return valid ? manifest : undefined;
  } catch {
    return undefined;
  }
}

function mtimeOf(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Another process reading `path` sees the old file or the new one, never a part of it. */
function writeAtomically(path, contents) {
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

function firstLine(error) {
  return String(error instanceof Error ? error.message : error).split('\n')[0];
}

// `node scripts/cli-bundle.mjs [ROOT]`: what `npm run build` runs after electron-vite.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = process.argv[2] ?? fileURLToPath(new URL('..', import.meta.url));
  try {
    const { entry, millis } = await buildCliBundle(root);
    process.stdout.write(`kse bundle: ${relative(root, entry)} built in ${Math.round(millis)} ms\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
