/**
 * Every rule declares what it reads (reach.ts), and the declaration is checked against what it really reads: each
 * rule runs over worlds (the lab capture, testing/reads-world.ts) through a view that records the resources it
 * reads (testing/read-recorder.ts). Provisioner health, which rules read through the context, counts as a read of
 * `provisioners`; what the assessment itself reads is checked against PROVISIONER_HEALTH_READS.
 */
import { describe, expect, it } from 'vitest';
import type { Resource } from '../kube/resource-registry';
import { createContext, type DiagnoseContext } from './context';
import { assessProvisioner, PROVISIONER_HEALTH_READS } from './provisioners';
import { REACH, type DiagnosedKind, type ReachSource, type Reads } from './reach';
import type { Rule } from './rule';
import { ALL_RULES, RULE_REACH, RULES } from './rules';
import capture from './testing/lab-capture.json';
import { fixtureView, type FixtureObjects, type FixtureOptions } from './testing/fixture-view';
import { recordReads } from './testing/read-recorder';
import { READS_WORLD } from './testing/reads-world';
import type { ClusterView } from './view';

const WORLDS: { name: string; view: ClusterView }[] = [
  // The capture holds no ConfigMaps or Secrets (as lab-capture.test.ts: still loading).
  { name: 'lab capture', view: fixtureView(capture.objects as unknown as FixtureObjects, { now: capture.capturedAt, states: { configmaps: 'idle', secrets: 'idle' } }) },
  { name: 'reads world', view: fixtureView(READS_WORLD) },
  { name: 'reads world, no default class', view: fixtureView({ ...READS_WORLD, storageclasses: READS_WORLD.storageclasses?.filter((sc) => !sc.metadata?.annotations) }) },
  { name: 'reads world, leases unreadable', view: fixtureView(READS_WORLD, { states: { leases: 'forbidden' } } satisfies FixtureOptions) },
];

type Subject = { kind: Resource; name: string; namespace?: string };

/** What `rule` reads, over every object of its kind in every world. */
function readsOf<K extends DiagnosedKind>(rule: Rule<K>): Set<string> {
  const out = new Set<string>();
  for (const { view } of WORLDS) {
    let subject: Subject | undefined;
    const recorder = recordReads(view, () => subject);
    for (const object of view.list(rule.subject)) {
      subject = { kind: rule.subject, name: object.metadata?.name ?? '', ...(object.metadata?.namespace ? { namespace: object.metadata.namespace } : {}) };
      const ctx = createContext(recorder.view);
      const assess = ctx.provisioner.bind(ctx);
      // The assessment is declared on its own: inside it, reads are its, not the rule's.
      const recording: DiagnoseContext = { ...ctx, provisioner: (name) => (out.add('provisioners'), recorder.paused(() => assess(name))) };
      (rule.run as (c: DiagnoseContext, o: unknown) => unknown)(recording, object);
      for (const kind of recorder.take()) out.add(kind);
    }
  }
  return out;
}

/** What the provisioner assessment reads, for every provisioner a class names, in every world. */
function provisionerReads(): Set<string> {
  const out = new Set<string>();
  for (const { view } of WORLDS) {
    const recorder = recordReads(view, () => undefined);
    for (const sc of view.list('storageclasses')) if (sc.provisioner) assessProvisioner(recorder.view, sc.provisioner);
    for (const kind of recorder.take()) out.add(kind);
  }
  return out;
}

/** Resources read but not declared. */
function undeclared(read: ReadonlySet<string>, reads: Reads): string[] {
  return [...read].filter((source) => !(source in reads)).sort();
}

describe('what the rules read is declared by the rules', () => {

  it('every rule is listed under its own subject, with a unique name', () => {
    for (const [kind, rules] of Object.entries(RULES) as [DiagnosedKind, readonly Rule[]][]) for (const rule of rules) expect(rule.subject, rule.name).toBe(kind);
    expect(new Set(ALL_RULES.map((r) => r.name)).size).toBe(ALL_RULES.length);
  });

  it.each(ALL_RULES.map((rule) => [rule.name, rule] as const))('%s reads only what it declares', (_name, rule) => {
    expect(undeclared(readsOf(rule), rule.reads)).toEqual([]);
  });

  it('the provisioner assessment reads only what it declares', () => {
    expect(undeclared(provisionerReads(), PROVISIONER_HEALTH_READS)).toEqual([]);
  });

  it('the worlds exercise every declaration: each resource a rule declares, it reads in some world', () => {
    for (const rule of ALL_RULES) {
      const read = readsOf(rule);
      expect(Object.keys(rule.reads).filter((source) => !read.has(source)), rule.name).toEqual([]);
    }
    const assessed = provisionerReads();
    expect(Object.keys(PROVISIONER_HEALTH_READS).filter((source) => !assessed.has(source))).toEqual([]);
  });

  it('a rule that reads a resource it did not declare is caught', () => {
    const sneaky: Rule<'persistentvolumeclaims'> = {
      name: 'sneaky',
      subject: 'persistentvolumeclaims',
      run: (ctx) => (ctx.view.list('nodes'), ctx.view.eventsFor('Node', 'node-a'), ctx.provisioner('disk.example.com'), []),
      reads: { events: ['subject-of-event'] },
    };
    expect(undeclared(readsOf(sneaky), sneaky.reads)).toEqual(['nodes', 'provisioners']);
  });

  it('the derived reach covers every declaration, and names only relations of the vocabulary', () => {
    for (const rule of ALL_RULES) {
      for (const [source, declared] of Object.entries(rule.reads) as [ReachSource, readonly string[] | { none: string }][]) {
        const relations = Array.isArray(declared) ? declared : [];
        if (!Array.isArray(declared)) expect((declared as { none: string }).none.length, `${rule.name} ${source}`).toBeGreaterThan(20);
        for (const reach of relations) {
          expect(REACH[source] as readonly string[], `${rule.name} ${source}`).toContain(reach);
          expect(RULE_REACH[source] as readonly string[], `${rule.name} ${source}`).toContain(reach);
        }
      }
    }
  });
});
