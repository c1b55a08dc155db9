import { describe, expect, it } from 'vitest';
import { rulesAllowListWatch, type ResourceRule } from './permissions';

// The shape kube-apiserver returns for a namespace-scoped Role (as in the lab's "student" role), plus the
// discovery rules every authenticated user has.
const studentRules: ResourceRule[] = [
  { verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods', 'persistentvolumeclaims', 'events'] },
  { verbs: ['get', 'list', 'watch'], apiGroups: ['coordination.k8s.io'], resources: ['leases'] },
  { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] },
];

describe('rulesAllowListWatch', () => {
  it('allows what a rule grants for the exact group and resource', () => {
    expect(rulesAllowListWatch(studentRules, '', 'pods')).toBe(true);
    expect(rulesAllowListWatch(studentRules, 'coordination.k8s.io', 'leases')).toBe(true);
  });

  it('does not mix up groups', () => {
    expect(rulesAllowListWatch(studentRules, 'coordination.k8s.io', 'pods')).toBe(false);
    expect(rulesAllowListWatch(studentRules, '', 'leases')).toBe(false);
  });

  it('needs both list and watch, possibly from two rules', () => {
    expect(rulesAllowListWatch([{ verbs: ['list'], apiGroups: [''], resources: ['pods'] }], '', 'pods')).toBe(false);
    expect(
      rulesAllowListWatch(
        [
          { verbs: ['list'], apiGroups: [''], resources: ['pods'] },
          { verbs: ['watch'], apiGroups: [''], resources: ['pods'] },
        ],
        '',
        'pods',
      ),
    ).toBe(true);
  });

  it('honours wildcards', () => {
    const admin: ResourceRule[] = [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }];
    expect(rulesAllowListWatch(admin, 'storage.k8s.io', 'storageclasses')).toBe(true);
  });

  it('does not count rules limited to some resourceNames (a list of all objects is not allowed)', () => {
    expect(rulesAllowListWatch([{ verbs: ['list', 'watch'], apiGroups: [''], resources: ['pods'], resourceNames: ['one'] }], '', 'pods')).toBe(false);
  });

  it('allows nothing with no rules', () => {
    expect(rulesAllowListWatch([], '', 'pods')).toBe(false);
  });
});
