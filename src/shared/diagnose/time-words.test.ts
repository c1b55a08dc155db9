import { describe, expect, it } from 'vitest';
import { leaseAgo } from './leases';
import { beforeNow } from './time-words';
import type { ClusterView } from './view';

describe('a time before now, in words', () => {
  it('reads "ago" on a live cluster and "before the capture" in a snapshot, in both languages', () => {
    expect(beforeNow({}, 4_000)).toEqual({ en: '4 s ago', ru: '4 с назад' });
    expect(beforeNow({ nowIsCapture: () => false }, 5 * 60_000)).toEqual({ en: '5 min ago', ru: '5 мин назад' });
    expect(beforeNow({ nowIsCapture: () => true }, 4_000)).toEqual({ en: '4 s before the capture', ru: 'за 4 с до снимка' });
  });

  it("words a snapshot's Lease renewal as the UI words its times (trial 8 of issue 8, T8-9)", () => {
    const at = Date.parse('2026-12-01T09:15:00Z');
    const lease = { metadata: { name: 'l', namespace: 'n' }, spec: { holderIdentity: 'p', renewTime: '2026-12-01T09:14:56.000000Z' } };
    const view = (capture: boolean) => ({ now: () => at, nowIsCapture: () => capture }) as unknown as ClusterView;
    expect(leaseAgo(view(true), lease).ru).toBe('за 4 с до снимка');
    expect(leaseAgo(view(false), lease).ru).toBe('4 с назад');
  });
});
