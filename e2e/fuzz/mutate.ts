/**
 * Random and mutated input files for the fuzz pass, as fast-check arbitraries (seeded, shrinkable): snapshot
 * and recording texts built from real files (the lab capture, the demo recording), and kubeconfig texts.
 * Mutations are structural (a value anywhere replaced by another JSON value, deleted, nested very deep,
 * duplicated many times) and textual (truncation, byte noise, a BOM, control and bidi characters, YAML
 * aliases), so the loaders meet both almost-valid files and garbage.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { ALL_RESOURCES } from '../../src/shared/kube/resource-registry';

const ROOT = join(__dirname, '..', '..');

type Json = unknown;

function labSnapshot(): Json {
  const capture = JSON.parse(readFileSync(join(ROOT, 'src/shared/diagnose/testing/lab-capture.json'), 'utf8')) as { capturedAt: string; objects: Record<string, unknown[]> };
  return {
    format: 'kse-snapshot',
    version: 1,
    capturedAt: capture.capturedAt,
    context: 'lab',
    kinds: Object.fromEntries(ALL_RESOURCES.map((kind) => [kind, { state: 'synced', items: capture.objects[kind] ?? [] }])),
  };
}

function demoRecording(): Json {
  const demo = JSON.parse(readFileSync(join(ROOT, 'resources/demo/demo.json'), 'utf8')) as { events: unknown[] };
  // The first events only: the replay timing is not what is fuzzed, and the file stays small.
  return { ...demo, events: demo.events.slice(0, 20) };
}

const SNAPSHOT_BASES: Json[] = [labSnapshot(), demoRecording()];

const HOSTILE_STRINGS = ['\u001b]0;pwned\u0007', '\u202eevil', '\u0000', '\ud800', 'a'.repeat(5000), '__proto__', 'constructor', '../../etc/passwd', '{{7*7}}', '\u2028', '-----BEGIN PRIVATE KEY-----'];
const hostileString = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ unit: 'binary', maxLength: 40 }));
const jsonValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom(null, -1, 1e308, 0.5, true, [], {}, '', 'synced', 'kse-snapshot', 'kse-recording') },
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 6000 }).map((depth) => `${DEEP}${depth}`) },
);

/**
 * Deep nesting is written into the text after serialising (JSON.stringify, YAML and structuredClone would
 * overflow their own recursion in the generator): a placeholder string stands for it until then.
 */
const DEEP = '__fuzz_deep_';
function expandDeep(text: string, flow: boolean): string {
  return text.replace(new RegExp(`"?${DEEP}(\\d+)"?`, 'g'), (_m, n: string) => {
    const depth = Number(n);
    return flow ? `${'['.repeat(depth)}x${']'.repeat(depth)}` : `${'[{"x":'.repeat(depth / 2)}0${'}]'.repeat(depth / 2)}`;
  });
}

/** Every path to a value in a JSON document, up to a limit (breadth first: the top levels matter most). */
function paths(root: Json, limit = 4000): (string | number)[][] {
  const out: (string | number)[][] = [];
  const queue: [Json, (string | number)[]][] = [[root, []]];
  while (queue.length > 0 && out.length < limit) {
    const [value, path] = queue.shift()!;
    out.push(path);
    if (Array.isArray(value)) value.forEach((child, i) => queue.push([child, [...path, i]]));
    else if (typeof value === 'object' && value !== null) for (const [key, child] of Object.entries(value)) queue.push([child, [...path, key]]);
  }
  return out;
}

type Mutation =
  | { type: 'replace'; at: number; value: Json }
  | { type: 'delete'; at: number }
  | { type: 'multiply'; at: number; times: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constant('replace' as const), at: fc.nat(), value: jsonValue }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('multiply' as const), at: fc.nat(), times: fc.integer({ min: 2, max: 300 }) }) },
);

function applyMutation(root: Json, m: Mutation): Json {
  const all = paths(root);
  const path = all[m.at % all.length]!;
  if (path.length === 0) return m.type === 'replace' ? m.value : m.type === 'delete' ? undefined : Array(m.times).fill(root);
  // A JSON round trip, not structuredClone: a deep value from an earlier mutation would overflow its recursion.
  const copy = JSON.parse(JSON.stringify(root)) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (m.type === 'replace') parent[last] = m.value;
  else if (m.type === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (Array.isArray(parent)) {
    parent.splice(Number(last), 0, ...Array(m.times).fill(parent[last]));
  } else {
    parent[last] = Array(m.times).fill(parent[last]);
  }
  return copy;
}

type TextMutation = { type: 'truncate'; at: number } | { type: 'noise'; at: number; bytes: string } | { type: 'bom' } | { type: 'insert'; at: number; text: string };
const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ type: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ type: fc.constant('noise' as const), at: fc.nat(), bytes: fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }) }),
  fc.record({ type: fc.constant('bom' as const) }),
  fc.record({ type: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(hostileString, fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '\\', 'null')) }),
);

function applyText(text: string, m: TextMutation): string {
  switch (m.type) {
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'noise': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.bytes + text.slice(at + m.bytes.length);
    }
    case 'bom':
      return `\ufeff${text}`;
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
  }
}

/** A snapshot or recording file's text: a real one mutated structurally, then possibly textually; or garbage. */
export const snapshotText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(fc.nat(SNAPSHOT_BASES.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.array(textMutation, { maxLength: 2 }))
      .map(([base, mutations, textMutations]) => {
        const value = mutations.reduce((doc, m) => applyMutation(doc, m), SNAPSHOT_BASES[base]);
        const text = expandDeep(JSON.stringify(value) ?? 'undefined', false);
        return textMutations.reduce(applyText, text);
      }),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? '') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
);

const KUBECONFIG_BASE = {
  apiVersion: 'v1',
  kind: 'Config',
  'current-context': 'a',
  clusters: [
    { name: 'c1', cluster: { server: 'https://admin:hunter2@127.0.0.1:6443', 'certificate-authority-data': 'bm90IGEgY2VydA==' } },
    { name: 'c2', cluster: { server: 'https://example:6443', 'insecure-skip-tls-verify': true, 'proxy-url': 'http://proxy:3128' } },
  ],
  users: [
    { name: 'u1', user: { token: 'secret-token' } },
    { name: 'u2', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: '/nonexistent/plugin', args: ['get-token'], env: [{ name: 'A', value: 'b' }] } } },
    { name: 'u3', user: { 'client-certificate-data': 'eA==', 'client-key-data': 'eA==' } },
  ],
  contexts: [
    { name: 'a', context: { cluster: 'c1', user: 'u1', namespace: 'team' } },
    { name: 'b', context: { cluster: 'c2', user: 'u2' } },
    { name: 'c', context: { cluster: 'c1', user: 'u3' } },
  ],
};

const YAML_SPECIALS = fc.constantFrom(
  'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
  `${'['.repeat(3000)}${']'.repeat(3000)}`,
  '!!binary AAAA',
  '--- a\n--- b\n',
  'clusters: !!map {}\n',
  '%YAML 9.9\n---\n',
  '? [a, b]\n: c\n',
  'users: *undefined_alias\n',
);

/** A kubeconfig file's text: the base mutated structurally, or textually, or YAML oddities. */
export const kubeconfigText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }).map((mutations) => expandDeep(stringify(mutations.reduce((doc, m) => applyMutation(doc, m), KUBECONFIG_BASE as Json)) ?? '', true)) },
  { weight: 2, arbitrary: fc.array(textMutation, { minLength: 1, maxLength: 3 }).map((mutations) => mutations.reduce(applyText, stringify(KUBECONFIG_BASE))) },
  { weight: 1, arbitrary: YAML_SPECIALS },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
);
