/**
 * The allow-list keeps every field the app reads: a snapshot exported from real lab objects gives the same
 * rows, findings, overview, provisioner verdicts and details (YAML aside) as the objects themselves. And every
 * annotation key the code reads is on the list of kept annotations.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_RESOURCES, type Resource } from '../../../shared/kube/resource-registry';
import type { KubeObject } from '../../../shared/kube/objects';
import type { ObjectRef } from '../../../shared/model/refs';
import { TABLE_IDS } from '../../../shared/model/rows';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type Snapshot } from '../../../shared/snapshot-format';
import capture from '../../../shared/diagnose/testing/lab-capture.json';
import { Core } from '../../core/core';
import { createCoreDeps } from '../../core/wiring';
import { buildSnapshot } from '../export-snapshot';
import { READ_ANNOTATIONS } from '../../../shared/kube/kept-fields';

const ROOT = resolve(__dirname, '../../../..');
const RESOURCES = join(ROOT, 'resources');
const objects = capture.objects as unknown as Partial<Record<Resource, KubeObject[]>>;
const kinds = Object.fromEntries(ALL_RESOURCES.map((kind) => [kind, { state: 'synced' as const, items: objects[kind] ?? [] }]));
const raw: Snapshot = { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, capturedAt: capture.capturedAt, context: 'lab', kinds };
const redacted = buildSnapshot({ context: 'lab', capturedAt: capture.capturedAt, kinds });

const core = new Core({ deps: createCoreDeps({ resourcesDir: RESOURCES, kubeconfig: { kubeconfigEnv: '/nonexistent' } }), resourcesDir: RESOURCES, version: '0', transport: 'web', autoOpenDemo: false });
afterAll(() => core.close());

async function everything(snapshot: Snapshot): Promise<unknown> {
  const opened = await core.call('openSnapshot', { fileName: 'lab.json', content: JSON.stringify(snapshot) });
  if (!opened.ok) throw new Error(opened.error.message);
  const clusterId = (opened.value as { id: string }).id;
  const call = async (method: string, req: Record<string, unknown>) => {
    const result = await core.call(method, { clusterId, ...req });
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return JSON.parse(JSON.stringify(result.value).replaceAll(clusterId, 'CLUSTER')) as unknown;
  };
  const out: Record<string, unknown> = {};
  for (const table of TABLE_IDS) out[`rows:${table}`] = await call('listRows', { table, offset: 0, limit: 1000 });
  out.findings = await call('listFindings', { offset: 0, limit: 1000 });
  out.overview = await call('getOverview', {});
  for (const kind of ALL_RESOURCES) {
    for (const object of objects[kind] ?? []) {
      const ref: ObjectRef = { kind, name: object.metadata!.name!, ...(object.metadata?.namespace ? { namespace: object.metadata.namespace } : {}) };
      const detail = (await call('getObject', { ref })) as Record<string, unknown> | null;
      // The raw object and its YAML show the object as the snapshot holds it: less, by design.
      if (detail) {
        delete detail.yaml;
        delete detail.object;
        // Annotations are dropped by policy unless the app reads them (tools put manifests and credentials in
        // them): the Summary of a snapshot lists the kept ones only.
        const summary = (detail.summary as { id: string; value: { entries?: [string, string][] } }[] | undefined) ?? [];
        for (const field of summary) {
          if (field.id === 'annotations' && field.value.entries) field.value.entries = field.value.entries.filter(([key]) => READ_ANNOTATIONS.has(key));
        }
        if (detail.summary) detail.summary = summary.filter((f) => f.id !== 'annotations' || (f.value.entries?.length ?? 0) > 0);
      }
      out[`object:${kind}/${ref.namespace ?? ''}/${ref.name}`] = detail;
      out[`graph:${kind}/${ref.namespace ?? ''}/${ref.name}`] = await call('getGraph', { root: ref });
    }
  }
  return out;
}

describe('the allow-list', () => {
  it('keeps everything the app reads: the redacted lab snapshot shows the same as the objects', async () => {
    await core.start();
    const fromObjects = await everything(raw);
    const fromSnapshot = await everything(redacted);
    expect(fromSnapshot).toEqual(fromObjects);
    // And it did remove something (managed fields are gone already; status details, annotations...).
    expect(Object.keys((redacted.redaction as { removed: object }).removed).length).toBeGreaterThan(0);
  });

  it('lists every annotation key the code reads', () => {
    const read = new Set<string>();
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$|fixture/.test(name) && !path.includes('redact')) {
          const text = readFileSync(path, 'utf8');
          // annotations?.['key'], annotations['key'], and constant lists of annotation keys read with them.
          for (const match of text.matchAll(/annotations\??\.?\[['"]([^'"]+)['"]\]/g)) read.add(match[1]!);
          for (const match of text.matchAll(/ANNOTATIONS = \[([^\]]+)\]/g)) for (const key of match[1]!.matchAll(/['"]([^'"]+)['"]/g)) read.add(key[1]!);
        }
      }
    };
    walk(join(ROOT, 'src'));
    expect(read.size).toBeGreaterThan(4);
    expect([...read].filter((key) => !READ_ANNOTATIONS.has(key))).toEqual([]);
  });
});
