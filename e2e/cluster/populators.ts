/**
 * The volume populator API for lab tests (issue 12 part 5), copied verbatim into e2e/cluster/crds/:
 *
 * - `populator.storage.k8s.io_volumepopulators.yaml`: the VolumePopulator CRD of kubernetes-csi/volume-data-source-validator
 *   v1.7.0 (client/config/crd/, commit f76d9235f18b; identical at 3770c4a7 of 2026-06-09). Not fetched from the Go
 *   module proxy as the snapshot CRDs are (build-csi.ts): the proxy answered 403 "This module version is not
 *   available" for github.com/kubernetes-csi/volume-data-source-validator and its /client module (2026-12-01).
 * - `hello.example.com_hellos.yaml`: the Hello CRD of kubernetes-csi/lib-volume-populator's example hello-populator
 *   (example/hello-populator/crd.yaml, commit be234bc92d40), the kind its VolumePopulator registers.
 *
 * No populator or validator binary runs on the lab; tests that need a populator's work stand in for it by hand.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import type { KubeClient, KubeObject } from './kube';

const CRD_DIR = join(dirname(fileURLToPath(import.meta.url)), 'crds');

function yamlFile(name: string): KubeObject[] {
  return parseAllDocuments(readFileSync(join(CRD_DIR, name), 'utf8')).flatMap((d) => {
    const o = d.toJS() as KubeObject | null;
    return o ? [o] : [];
  });
}

/** The VolumePopulator CRD and the example Hello CRD. */
export function populatorCrds(): KubeObject[] {
  return [...yamlFile('populator.storage.k8s.io_volumepopulators.yaml'), ...yamlFile('hello.example.com_hellos.yaml')];
}

/** Creates the CRDs and resolves when the API server serves each (condition Established). */
export async function installPopulatorCrds(admin: KubeClient, waitFor: (what: string, check: () => Promise<unknown>) => Promise<unknown>): Promise<void> {
  for (const crd of populatorCrds()) {
    await admin.apply(crd);
    await waitFor(`CRD ${crd.metadata.name} established`, async () => {
      const c = await admin.get(`/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${crd.metadata.name}`);
      return c.status?.conditions?.some((x: { type: string; status: string }) => x.type === 'Established' && x.status === 'True') || undefined;
    });
  }
}
