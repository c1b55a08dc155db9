import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../shared/model/findings';
import type { UsageUnknownReason } from '../../../shared/model/usage';
import { translate } from '../i18n/i18n';
import type { UiLocale } from './locale';
import { usageUnknownAdvice, usageUnknownText } from './usage';

const locale = (lang: Lang): UiLocale => ({ lang, t: (key, params) => translate(lang, key, params) });
const REASONS: UsageUnknownReason[] = ['forbidden', 'checking', 'unsupported', 'error', 'node-error', 'not-bound', 'not-mounted', 'not-reported'];

describe('unknown usage says why and what to do, per cause', () => {
  it('gives every cause its own advice in both languages, longer than the short reason', () => {
    for (const lang of ['en', 'ru'] as const) {
      const seen = new Set<string>();
      for (const reason of REASONS) {
        const usage = { state: 'unknown' as const, reason, node: 'lab-node-b1' };
        const advice = usageUnknownAdvice(usage, locale(lang));
        expect(advice.length, `${lang} ${reason}`).toBeGreaterThan(usageUnknownText(usage, locale(lang)).length + 40);
        expect(advice, `${lang} ${reason}`).not.toMatch(/[{}]/);
        seen.add(advice);
      }
      expect(seen.size).toBe(REASONS.length);
    }
  });

  it('names the RBAC verb and resource, the node, and why a file has none', () => {
    const en = locale('en');
    const ru = locale('ru');
    expect(usageUnknownAdvice({ state: 'unknown', reason: 'forbidden' }, en)).toMatch(/verb get on the resource nodes\/proxy.*kubectl auth can-i get nodes --subresource=proxy/);
    expect(usageUnknownAdvice({ state: 'unknown', reason: 'forbidden' }, ru)).toMatch(/глагол get на ресурс nodes\/proxy/);
    expect(usageUnknownAdvice({ state: 'unknown', reason: 'node-error', node: 'lab-node-b1' }, en)).toContain('kubectl get --raw /api/v1/nodes/lab-node-b1/proxy/healthz');
    expect(usageUnknownAdvice({ state: 'unknown', reason: 'not-mounted' }, en)).toMatch(/measures only volumes mounted by running pods/);
    expect(usageUnknownAdvice({ state: 'unknown', reason: 'not-mounted' }, ru)).toMatch(/работающими подами/);
    expect(usageUnknownAdvice({ state: 'unknown', reason: 'unsupported' }, en)).toMatch(/saved without usage/);
    expect(usageUnknownAdvice({ state: 'unknown', reason: 'unsupported' }, ru)).toMatch(/сохранён без заполнения/);
  });
});
