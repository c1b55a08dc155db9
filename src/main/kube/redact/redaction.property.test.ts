/**
 * Property: for random objects of every kind, with random secrets planted in every string field (in the forms a
 * credential takes in that kind of field) and in fields and annotations the app does not read, no secret
 * survives in the exported snapshot, while every field the app reads that held no secret is unchanged.
 *
 * The objects are generated from the allow-list itself (kept-fields.ts), so a field added there is covered too.
 * Identifier fields (names, labels, paths) cannot hold an arbitrary secret and still be what the app reads; they
 * get credential-shaped values (PEM, JWT, URL with user info, bearer header) instead, which must go.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_RESOURCES, KEPT_FIELDS, type Resource } from '../../../shared/kube/resource-registry';
import type { KubeObject } from '../../../shared/kube/objects';
import capture from '../../../shared/diagnose/testing/lab-capture.json';
import { buildSnapshot } from '../export-snapshot';
import { READ_ANNOTATIONS, type Keep } from '../../../shared/kube/kept-fields';

/** Marks a field whose value held a secret: it must be there (or not), but its content is not compared. */
const ANY = Symbol('any');
/** An extra field: dropped, or (under a volume-source catch-all) kept with what it may keep. */
const MAYBE = Symbol('maybe');
type Expected = unknown;
interface Generated {
  value: unknown;
  expected: Expected;
  secrets: string[];
}

// Secrets carry an upper-case marker and a digit: no generated identifier (lower case) or clean text contains one.
const secret = fc.stringMatching(/^[A-Za-z0-9]{6,14}$/).map((s) => `Zq${s}9`);
const longToken = fc.stringMatching(/^[A-Za-z0-9]{18,30}$/).map((s) => `Zk${s}a1B`);
const identifier = fc.stringMatching(/^[a-z0-9]([-a-z0-9.]{0,18}[a-z0-9])?$/);
const word = fc.constantFrom('volume', 'claim', 'node', 'pod', 'bound', 'pending', 'provisioner', 'failed', 'the', 'for', 'waiting');

// Real messages from the lab: the scrub must leave them as they are.
const cleanTexts = [
  ...new Set(
    Object.values(capture.objects as unknown as Record<string, { message?: string; status?: { conditions?: { message?: string }[] } }[]>)
      .flat()
      .flatMap((o) => [o.message, ...(o.status?.conditions ?? []).map((c) => c.message)])
      .filter((m): m is string => typeof m === 'string' && m !== ''),
  ),
];
const cleanText = fc.oneof(fc.constantFrom(...cleanTexts), fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' ')));
const cleanArgs = fc.array(fc.constantFrom('--v=5', '--csi-address=/csi/csi.sock', '--leader-election', '--timeout', '30s', 'sh', '-c', 'cp -r /src /data', '--feature-gates=Topology=true', '/bin/provisioner'), { maxLength: 6 });

/** A credential in free text, in each form the scrub promises to catch. */
const secretInText = fc.oneof(
  secret.map((s) => ({ text: `--password ${s}`, s })),
  secret.map((s) => ({ text: `--api-key=${s}`, s })),
  secret.map((s) => ({ text: `-token ${s}`, s })),
  secret.map((s) => ({ text: `AWS_SECRET_ACCESS_KEY=${s}`, s })),
  secret.map((s) => ({ text: `db:\n  password: ${s}\n  user: app`, s })),
  secret.map((s) => ({ text: `{"user":"app","password":"${s}"}`, s })),
  secret.map((s) => ({ text: `{\\"clientSecret\\":\\"${s}\\"}`, s })),
  secret.map((s) => ({ text: `https://admin:${s}@registry.example/v2`, s })),
  secret.map((s) => ({ text: `Authorization: Bearer ${s}`, s })),
  secret.map((s) => ({ text: `Basic ${s}`, s })),
  secret.map((s) => ({ text: `-----BEGIN PRIVATE KEY-----\n${s}\n-----END PRIVATE KEY-----`, s })),
  secret.map((s) => ({ text: `?token=${s}&watch=1`, s })),
  longToken.map((s) => ({ text: `key ${s}`, s })),
);
const secretInArgs = fc.oneof(
  secret.map((s) => ({ argv: ['--password', s], s })),
  secret.map((s) => ({ argv: [`--secret-key=${s}`], s })),
  secret.map((s) => ({ argv: ['-token', s], s })),
  secret.map((s) => ({ argv: ['mysql', '-p', s], s })),
  secret.map((s) => ({ argv: [`DB_PASSWORD=${s}`], s })),
  secret.map((s) => ({ argv: ['sh', '-c', `curl -H "Authorization: Bearer ${s}" https://x`], s })),
  longToken.map((s) => ({ argv: ['--header', s], s })),
);
/** Credential-shaped values for identifier fields. */
const shapedSecret = fc.oneof(
  secret.map((s) => ({ text: `-----BEGIN RSA PRIVATE KEY-----${s}`, s })),
  secret.map((s) => ({ text: `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ${s}.c2ln`, s })),
  secret.map((s) => ({ text: `https://bob:${s}@host`, s })),
  secret.map((s) => ({ text: `Bearer ${s}`, s })),
);

const clean = (value: fc.Arbitrary<unknown>): fc.Arbitrary<Generated> => value.map((v) => ({ value: v, expected: v, secrets: [] }));
const planted = (value: fc.Arbitrary<{ s: string; text?: string; argv?: string[] }>): fc.Arbitrary<Generated> =>
  value.map(({ s, text, argv }) => ({ value: text ?? argv, expected: ANY, secrets: [s] }));

function scalar(keep: 'id' | 'int' | 'bool' | 'text' | 'argv' | 'env-value' | 'parameter', provisioners: readonly string[]): fc.Arbitrary<Generated> {
  switch (keep) {
    case 'int':
      return clean(fc.integer());
    case 'bool':
      return clean(fc.boolean());
    case 'id':
      return fc.oneof({ weight: 6, arbitrary: clean(identifier) }, { weight: 1, arbitrary: planted(shapedSecret) });
    case 'text':
    case 'parameter':
      return fc.oneof(clean(cleanText), planted(secretInText), planted(shapedSecret));
    case 'argv':
      return fc.oneof(
        clean(cleanArgs),
        fc.tuple(cleanArgs, secretInArgs).map(([args, planted]) => ({ value: [...args, ...planted.argv], expected: ANY, secrets: [planted.s] })),
      );
    case 'env-value':
      return fc.oneof(clean(fc.constantFrom(...provisioners)), secret.map((s) => ({ value: s, expected: ANY, secrets: [s] })));
  }
}

/** Fields the app does not read, holding secrets: always dropped. */
const extraField = fc.tuple(fc.stringMatching(/^x[a-zA-Z]{2,10}$/), secret, fc.boolean()).map(([key, s, nested]) => ({ key, value: nested ? { password: s, note: `token=${s}` } : s, s }));

function generate(keep: Keep, provisioners: readonly string[], depth = 0): fc.Arbitrary<Generated> {
  if (typeof keep === 'string') return scalar(keep, provisioners);
  if ('list' in keep) {
    return fc.array(generate(keep.list, provisioners, depth + 1), { maxLength: depth > 3 ? 1 : 2 }).map((items) => ({ value: items.map((i) => i.value), expected: items.map((i) => i.expected), secrets: items.flatMap((i) => i.secrets) }));
  }
  if ('annotations' in keep) {
    const read = fc.tuple(fc.constantFrom(...READ_ANNOTATIONS), identifier);
    const unread = fc.tuple(fc.constantFrom('kubectl.kubernetes.io/last-applied-configuration', 'example.com/note', 'meta.helm.sh/release'), secret);
    return fc.tuple(fc.array(read, { maxLength: 2 }), fc.array(unread, { maxLength: 2 })).map(([kept, dropped]) => {
      const value = Object.fromEntries([...dropped.map(([k, s]) => [k, `password: ${s}`]), ...kept]);
      return { value, expected: Object.fromEntries(kept), secrets: dropped.map(([, s]) => s) };
    });
  }
  if ('map' in keep) {
    if (keep.map === 'parameter') {
      const secretKey = fc.tuple(fc.constantFrom('password', 'restuserkey', 'apiToken', 'clientSecret'), secret).map(([k, s]) => ({ key: k, g: { value: s, expected: ANY, secrets: [s] } }));
      const otherKey = fc.tuple(fc.constantFrom('type', 'fsType', 'csi.storage.k8s.io/provisioner-secret-name', 'server'), scalar('parameter', provisioners)).map(([k, g]) => ({ key: k, g }));
      return fc.uniqueArray(fc.oneof(secretKey, otherKey), { maxLength: 3, selector: (e) => e.key }).map((entries) => ({
        value: Object.fromEntries(entries.map((e) => [e.key, e.g.value])),
        expected: Object.fromEntries(entries.map((e) => [e.key, e.g.expected])),
        secrets: entries.flatMap((e) => e.g.secrets),
      }));
    }
    return fc.uniqueArray(fc.tuple(identifier, generate(keep.map, provisioners, depth + 1)), { maxLength: 2, selector: ([k]) => k }).map((entries) => ({
      value: Object.fromEntries(entries.map(([k, g]) => [k, g.value])),
      expected: Object.fromEntries(entries.map(([k, g]) => [k, g.expected])),
      secrets: entries.flatMap(([, g]) => g.secrets),
    }));
  }
  const entries = Object.entries(keep.fields);
  return fc
    .tuple(
      fc.tuple(...entries.map(([, child]) => fc.option(generate(child, provisioners, depth + 1), { nil: undefined, freq: 2 }))),
      fc.array(extraField, { maxLength: 1 }),
    )
    .map(([values, extras]) => {
      const value: Record<string, unknown> = {};
      const expected: Record<string | symbol, unknown> = {};
      const secrets: string[] = [];
      values.forEach((g, i) => {
        if (!g) return;
        const key = entries[i]![0];
        value[key] = g.value;
        expected[key] = g.expected;
        secrets.push(...g.secrets);
      });
      for (const extra of extras) {
        if (extra.key in value) continue;
        value[extra.key] = extra.value;
        if (keep.rest) expected[extra.key] = MAYBE;
        secrets.push(extra.s);
      }
      return { value, expected, secrets };
    });
}

/** Compares what must be unchanged; ANY and MAYBE fields are only checked for secrets (by the caller). */
function expectKept(actual: unknown, expected: Expected, path: string): void {
  if (expected === ANY) return void expect(actual, path).toBeDefined();
  if (expected === MAYBE) return;
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, path).toBe(expected.length);
    expected.forEach((item, i) => expectKept((actual as unknown[])[i], item, `${path}[${i}]`));
    return;
  }
  if (typeof expected === 'object' && expected !== null) {
    const a = actual as Record<string, unknown>;
    const exp = expected as Record<string, unknown>;
    expect(typeof a, path).toBe('object');
    expect(Object.keys(a).filter((k) => !(k in exp)), `${path}: fields that should have been dropped`).toEqual([]);
    for (const key of Object.keys(exp)) expectKept(a[key], exp[key], `${path}.${key}`);
    return;
  }
  expect(actual, path).toEqual(expected);
}

const provisioners = ['example.com/nfs', 'hostpath.csi.k8s.io', 'rancher.io/local-path'];

describe('snapshot redaction (property-based)', () => {
  it.each(ALL_RESOURCES)('%s: no planted secret survives; unchanged what the app reads', (kind: Resource) => {
    fc.assert(
      fc.property(fc.array(generate(KEPT_FIELDS[kind], provisioners), { minLength: 1, maxLength: 3 }), (objects) => {
        const classes = provisioners.map((p, i) => ({ metadata: { name: `class-${i}` }, provisioner: p }));
        const items = objects.map((o) => o.value as KubeObject);
        const snapshot = buildSnapshot({
          context: 'prop',
          capturedAt: '2026-11-30T00:00:00Z',
          kinds: kind === 'storageclasses' ? { storageclasses: { state: 'synced', items: [...classes, ...items] } } : { storageclasses: { state: 'synced', items: classes }, [kind]: { state: 'synced', items } },
        });
        const file = JSON.stringify(snapshot);
        for (const s of objects.flatMap((o) => o.secrets)) expect(file, `secret ${s}`).not.toContain(s);
        const exported = snapshot.kinds[kind]!.items.slice(kind === 'storageclasses' ? classes.length : 0);
        objects.forEach((o, i) => expectKept(exported[i], o.expected, `${kind}[${i}]`));
      }),
      { numRuns: 150 },
    );
  });
});
