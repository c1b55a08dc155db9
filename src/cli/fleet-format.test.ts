import { describe, expect, it } from 'vitest';
import { diagnoseAll } from '../shared/diagnose/index';
import { fixtureView } from '../shared/diagnose/testing/fixture-view';
import { localPathClass, manualClaim } from '../shared/diagnose/testing/fixtures';
import { fleetExitCode, formatFleet, unreadKindsOf, type ContextCheck } from './fleet-format';

const missingClass = { ...manualClaim, spec: { ...manualClaim.spec, storageClassName: 'fast' } };
const findings = diagnoseAll(fixtureView({ storageclasses: [localPathClass], persistentvolumeclaims: [missingClass] }));
const healthy: ContextCheck = { context: 'prod', state: 'checked', seconds: 1.2, serverVersion: 'v1.37.0', unreadKinds: [], findings: [], provisioners: [] };
const sick: ContextCheck = { ...healthy, context: 'staging', findings, unreadKinds: [{ kind: 'persistentvolumes', state: 'forbidden', message: 'no list' }] };
const dead: ContextCheck = { context: 'dead\u001b[2J', state: 'unreachable', seconds: 3, error: 'dead did not sync within 3 s.\nConnection: connect ECONNREFUSED', todo: 'kubectl --context dead get --raw /version' };

describe('kse doctor across contexts', () => {
  it('exits 2 when a context could not be checked, else 1 on a problem, else 0', () => {
    expect(fleetExitCode([healthy])).toBe(0);
    expect(fleetExitCode([healthy, sick])).toBe(1);
    expect(fleetExitCode([healthy, sick, dead])).toBe(2);
    expect(fleetExitCode([healthy, { ...dead, state: 'unusable' }])).toBe(2);
  });

  it('gives each context its section, says why one was not checked and what to do, then sums up', () => {
    const text = formatFleet([healthy, sick, dead], { lang: 'en' });
    expect(text).toContain('══ Context prod: checked (server v1.37.0) ══');
    expect(text).toContain('══ Context staging: checked');
    expect(text).toContain('Could not read: PersistentVolumes (no permission)');
    expect(text).toContain('[claim.class-missing]');
    expect(text).toContain('Could not be checked: dead did not sync within 3 s.\n  Connection: connect ECONNREFUSED');
    expect(text).toContain('What to do: kubectl --context dead get --raw /version');
    expect(text).toMatch(/SUMMARY\nCONTEXT\s+STATE\s+PROBLEMS\s+WARNINGS\s+SECONDS\nprod\s+checked\s+0\s+0\s+1\.2\nstaging\s+checked\s+1\s+0\s+1\.2\n/);
    expect(text).toMatch(/dead\\u001b\[2J\s+unreachable\s+—\s+—\s+3\.0/);
    expect(text).not.toContain('\u001b');
    // A finding's section is its own context's: staging's problem is not under prod.
    expect(text.indexOf('[claim.class-missing]')).toBeGreaterThan(text.indexOf('Context staging'));
  });

  it('speaks Russian', () => {
    const text = formatFleet([sick, dead], { lang: 'ru' });
    expect(text).toContain('══ Контекст staging: проверен (сервер v1.37.0) ══');
    expect(text).toContain('Не удалось прочитать: PersistentVolumes (нет прав)');
    expect(text).toContain('Проверить не удалось: dead');
    expect(text).toContain('Что сделать: kubectl');
    expect(text).toContain('КОНТЕКСТ');
    expect(text).toContain('недоступен');
  });

  it('counts as unread only the kinds a cluster serves but could not be read', () => {
    expect(
      unreadKindsOf([
        { kind: 'pods', state: 'synced' },
        { kind: 'volumesnapshots', state: 'absent' },
        { kind: 'persistentvolumes', state: 'forbidden', message: 'm' },
        { kind: 'nodes', state: 'error' },
      ]),
    ).toEqual([
      { kind: 'persistentvolumes', state: 'forbidden', message: 'm' },
      { kind: 'nodes', state: 'error' },
    ]);
  });
});
