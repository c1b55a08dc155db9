// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { evidence, t } from '../../../shared/diagnose/finding';
import { volumeEvidence } from '../../../shared/diagnose/static-binding';
import { renderWithApp } from '../testing/render';
import { EvidenceRow, isTimestamp } from './FindingCard';

afterEach(cleanup);

const row = (e: Parameters<typeof EvidenceRow>[0]['evidence'], lang: 'en' | 'ru' = 'ru') =>
  renderWithApp(
    <dl>
      <EvidenceRow evidence={e} />
    </dl>,
    { lang },
  );

describe('an evidence row reads in the user language (trial 4 defects 7, 8 and N6)', () => {
  it('a raw API time goes through Intl, the raw text kept in its title', () => {
    expect(isTimestamp('2026-12-01T01:13:21.893766Z')).toBe(true);
    expect(isTimestamp('1Gi')).toBe(false);
    row(evidence(t('Renewed', 'Обновлён'), '2026-12-01T01:13:21.893766Z', { source: 'spec.renewTime' }));
    const time = screen.getByTestId('evidence-date');
    expect(time.textContent).toMatch(/2026/);
    expect(time.textContent).not.toContain('T01:13');
    expect(time.getAttribute('title')).toBe('2026-12-01T01:13:21.893766Z');
  });

  it('an event reason given as the value is not named again after it', () => {
    const { container } = row(evidence(t('Last provisioning event', 'Последнее событие'), 'ExternalProvisioning', { event: 'ExternalProvisioning' }));
    expect(container.textContent?.match(/ExternalProvisioning/g)).toHaveLength(1);
  });

  it("a volume's fields are label/value facts in Russian, not a key=value dump", () => {
    const pv = { metadata: { name: 'lab-near-miss-pv' }, spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], storageClassName: '' }, status: { phase: 'Available' } };
    const e = volumeEvidence(t('Nearly fitting volume', 'Почти подходящий том'), pv, { source: 'spec.capacity.storage' });
    const { container } = row({ ...e, ref: undefined } as typeof e);
    const facts = screen.getAllByTestId('evidence-fact').map((f) => f.textContent);
    expect(facts).toEqual(['Ёмкость1Gi', 'Режимы доступаReadWriteOnce', 'Классбез класса (пустая строка)', 'Режим томаFilesystem по умолчанию, не задан', 'ФазаAvailable', 'Привязан к заявкенет']);
    expect(container.textContent).not.toMatch(/capacity=|accessModes=/);
  });
});
