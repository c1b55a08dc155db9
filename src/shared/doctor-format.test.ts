import { describe, expect, it } from 'vitest';
import { fixtureView } from './diagnose/testing/fixture-view';
import { localPathClass, manualClaim, runningPod } from './diagnose/testing/fixtures';
import { allProvisioners, diagnoseAll } from './diagnose/index';
import { doctorExitCode, formatDoctor } from './doctor-format';
import { sanitizeForTerminal } from './terminal-text';
import type { Finding } from './model/findings';

const missingClass = { ...manualClaim, spec: { ...manualClaim.spec, storageClassName: 'fast' } };
const view = fixtureView({
  storageclasses: [localPathClass],
  persistentvolumeclaims: [missingClass],
  pods: [{ ...runningPod, spec: { ...runningPod.spec, volumes: [{ name: 'tmp', emptyDir: {} }] } }],
});
const findings = diagnoseAll(view);

describe('formatDoctor', () => {
  it('prints problems first with cause, evidence, fix and lesson', () => {
    const text = formatDoctor({ cluster: 'lab-admin', findings, provisioners: allProvisioners(view) }, { lang: 'en' });
    expect(text).toContain('Cluster: lab-admin');
    expect(text).toContain('problems: 1, warnings: 0, expected waits: 0, info: 2');
    const problems = text.indexOf('PROBLEMS');
    expect(problems).toBeGreaterThan(0);
    expect(text).toContain('✗ PersistentVolumeClaim default/task-pv-claim  [claim.class-missing]');
    // The missing class's manifest: its here-document lines from the first column, so that pasting it works.
    expect(text).toContain("       $ kubectl apply -f - <<'EOF'\napiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\nprovisioner: rancher.io/local-path\nreclaimPolicy: Delete\nvolumeBindingMode: WaitForFirstConsumer\nEOF\n");
    expect(text).toContain('       $ kubectl get pvc task-pv-claim -n default -o yaml');
    expect(text).toContain('  Lesson: storage-class');
    expect(text).toContain('(findings of lower severity not shown: 2)');
    expect(text).toContain('PROVISIONERS');
    expect(text).toContain('rancher.io/local-path  (external; classes: standard)');
  });

  it('shows info when asked, and speaks Russian', () => {
    const text = formatDoctor({ findings }, { lang: 'ru', minSeverity: 'info' });
    expect(text).toContain('ПРОБЛЕМЫ');
    expect(text).toContain('ДЛЯ СВЕДЕНИЯ');
    expect(text).toContain('Урок: storage-class');
    expect(text).toContain('которого нет');
    expect(text.indexOf('ПРОБЛЕМЫ')).toBeLessThan(text.indexOf('ДЛЯ СВЕДЕНИЯ'));
  });

  it('says so when there is nothing', () => {
    expect(formatDoctor({ findings: [] }, { lang: 'en' })).toContain('No findings.');
  });

  it('never lets cluster text drive the terminal', () => {
    const hostile: Finding = {
      ...findings[0]!,
      cause: { en: 'evil \u001b]0;pwned\u0007 \u202ekcah', ru: 'x' },
      evidence: [{ label: { en: 'e', ru: 'e' }, value: 'line1\nline2\u001b[2J' }],
    };
    const text = formatDoctor({ findings: [hostile] }, { lang: 'en', color: false });
    expect(text).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(text).toContain('\\u001b]0;pwned\\u0007 \\u202ekcah');
    expect(text).toContain('line1\\nline2\\u001b[2J');
    expect(sanitizeForTerminal('plain ascii, кириллица')).toBe('plain ascii, кириллица');
  });

  it('colours only when asked', () => {
    expect(formatDoctor({ findings }, { lang: 'en', color: true })).toContain('\u001b[31m');
    expect(formatDoctor({ findings }, { lang: 'en' })).not.toContain('\u001b[');
  });
});

describe('doctorExitCode', () => {
  it('is non-zero only when a problem exists', () => {
    expect(doctorExitCode(findings)).toBe(1);
    expect(doctorExitCode(findings.filter((f) => f.severity !== 'problem'))).toBe(0);
  });
});
