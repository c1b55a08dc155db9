import { describe, expect, it } from 'vitest';
import type { ObjectDetail } from '../../../shared/model/detail';
import { DETAIL_TABS } from '../state/view-state';
import { tabsOf } from './DetailsPanel';
import { PROVISIONER_TABS } from './ProvisionerDetails';

/** Whether `tabs` keep DETAIL_TABS' order (each later tab comes later there too). */
const inOrder = (tabs: readonly string[]) => tabs.every((tab, i) => i === 0 || DETAIL_TABS.indexOf(tab as never) > DETAIL_TABS.indexOf(tabs[i - 1] as never));

describe('details tabs come in one order for every kind (trial 4 N6)', () => {
  it('a provisioner: Summary, Findings, Events, Related, as a claim', () => {
    expect(PROVISIONER_TABS).toEqual(['summary', 'findings', 'events', 'related']);
    const claim = { ref: { kind: 'persistentvolumeclaims', namespace: 'a', name: 'b' }, kind: 'persistentvolumeclaims', object: {}, yaml: '', summary: [], findings: [], events: [], related: [], relatedEvents: [] } as unknown as ObjectDetail;
    const pod = { ...claim, kind: 'pods', volumes: [], initSteps: [{}] } as unknown as ObjectDetail;
    for (const tabs of [PROVISIONER_TABS, tabsOf(claim), tabsOf(pod)]) expect(inOrder(tabs), tabs.join(',')).toBe(true);
    expect(tabsOf(claim).filter((tab) => PROVISIONER_TABS.includes(tab))).toEqual([...PROVISIONER_TABS]);
  });
});
