import { describe, expect, it } from 'vitest';
import { graphNamespaceChoice, graphRequestFor, PROBLEMS_VIEW } from './start';

const claim = { kind: 'persistentvolumeclaims' as const, namespace: 'shop', name: 'data' };

describe("the graph's first view", () => {
  it('with nothing chosen and no table filter: the chains with problems, not an empty canvas', () => {
    expect(graphRequestFor({}, 'c')).toEqual({ clusterId: 'c', problems: true });
    expect(graphNamespaceChoice({})).toBe(PROBLEMS_VIEW);
  });

  it('with the tables filtered to one namespace: that namespace', () => {
    expect(graphRequestFor({ namespaces: ['shop'] }, 'c')).toEqual({ clusterId: 'c', namespace: 'shop' });
    expect(graphNamespaceChoice({ namespaces: ['shop'] })).toBe('shop');
  });

  it('with the tables filtered to several namespaces: the chains with problems in those', () => {
    expect(graphRequestFor({ namespaces: ['a', 'b'] }, 'c')).toEqual({ clusterId: 'c', problems: true, namespaces: ['a', 'b'] });
  });

  it("the graph's own choice wins over the tables' filter; choosing the problems view means the whole cluster's", () => {
    expect(graphRequestFor({ namespaces: ['shop'], graphNamespace: 'other' }, 'c')).toEqual({ clusterId: 'c', namespace: 'other' });
    expect(graphRequestFor({ namespaces: ['shop'], graphNamespace: PROBLEMS_VIEW }, 'c')).toEqual({ clusterId: 'c', problems: true });
  });

  it('an object selected (and no namespace chosen in the graph) is drawn around; a provisioner by its name', () => {
    expect(graphRequestFor({ selected: claim, namespaces: ['shop'] }, 'c')).toEqual({ clusterId: 'c', root: claim });
    expect(graphRequestFor({ selected: claim, graphNamespace: 'shop' }, 'c')).toEqual({ clusterId: 'c', namespace: 'shop' });
    expect(graphRequestFor({ graphRoot: { kind: 'provisioners', name: 'x.io/p' } }, 'c')).toEqual({ clusterId: 'c', provisioner: 'x.io/p' });
  });

  it('opened groups go with the request', () => {
    expect(graphRequestFor({ namespaces: ['shop'] }, 'c', ['group:claim:1'])).toEqual({ clusterId: 'c', namespace: 'shop', expand: ['group:claim:1'] });
  });
});

describe('names on the cards', () => {
  it('are shortened in the middle to what a card holds, whole when they fit', async () => {
    const { middleEllipsis } = await import('./words');
    const { groupRange, LABEL_CHARS } = await import('./StorageNode');
    expect(middleEllipsis('data', LABEL_CHARS)).toBe('data');
    const long = 'app-waiting-for-claim-provisioning-07';
    const short = middleEllipsis(long, LABEL_CHARS);
    expect([...short]).toHaveLength(LABEL_CHARS);
    expect(short.startsWith('app-waiting-f') && short.endsWith('ioning-07') && short.includes('…')).toBe(true);
    expect(groupRange('order-data-0000', 'order-data-1959')).toBe('order-data-0000 … 1959');
    expect(groupRange('a1', 'b2')).toBe('a1 … b2');
  });
});
