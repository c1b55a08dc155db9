import { describe, expect, test } from 'vitest';
import { parseAllDocuments, parse } from 'yaml';
import { binaryPaths } from './build';
import { stagingModules } from './build/gen-k8s-gomod';
import { INIT_DRIVER_LABEL, kubeconfigYaml, kwokStagesConfig } from './config';
import { existsSync } from 'node:fs';

describe('lab configuration', () => {
  test('staging modules are read from the release go.mod replace directives', () => {
    const goMod = 'module k8s.io/kubernetes\n\nreplace (\n\tk8s.io/api => ./staging/src/k8s.io/api\n\tk8s.io/client-go => ./staging/src/k8s.io/client-go\n\tgithub.com/x/y => github.com/x/y v1.0.0\n)\n';
    expect(stagingModules(goMod)).toEqual(['k8s.io/api', 'k8s.io/client-go']);
  });

  test('kubeconfig has both contexts on one cluster with the CA inline', () => {
    const kc = parse(kubeconfigYaml('https://127.0.0.1:6443', 'PEM', [
      { context: 'lab-admin', user: 'lab-admin', token: 'a' },
      { context: 'lab-student', user: 'lab-student', token: 's', namespace: 'student' },
    ], 'lab-admin'));
    expect(kc['current-context']).toBe('lab-admin');
    expect(kc.clusters[0].cluster['certificate-authority-data']).toBe(Buffer.from('PEM').toString('base64'));
    expect(kc.contexts.map((c: any) => c.name)).toEqual(['lab-admin', 'lab-student']);
    expect(kc.contexts[1].context.namespace).toBe('student');
  });

  test.runIf(existsSync(binaryPaths().kwokStagesDir))('kwok stock pod stages skip driver-labelled pods, except pod-delete', () => {
    const stages = parseAllDocuments(kwokStagesConfig(binaryPaths().kwokStagesDir)).map((d) => d.toJS());
    const names = stages.map((s) => s.metadata.name);
    expect(names).toEqual(expect.arrayContaining(['node-initialize', 'node-heartbeat-with-lease', 'pod-ready', 'pod-complete', 'pod-delete']));
    const excludes = (s: any) => s.spec.selector.matchExpressions.some((e: any) => e.key.includes(INIT_DRIVER_LABEL) && e.operator === 'DoesNotExist');
    expect(excludes(stages.find((s) => s.metadata.name === 'pod-ready'))).toBe(true);
    expect(excludes(stages.find((s) => s.metadata.name === 'pod-delete'))).toBe(false);
  });
});
