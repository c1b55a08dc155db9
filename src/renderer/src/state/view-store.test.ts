import { describe, expect, it } from 'vitest';
import { closeClusterIn, openClusterIn } from './view-store';
import { EMPTY_VIEW, emptyPane } from './view-state';

describe('opening and closing cluster tabs', () => {
  it('opens a cluster as a tab and shows it', () => {
    const state = openClusterIn(EMPTY_VIEW, 'demo');
    expect(state.open).toEqual(['demo']);
    expect(state.panes[0]?.cluster).toBe('demo');
  });

  it('keeps the pane state when the cluster is already shown', () => {
    const shown = { open: ['demo'], panes: [{ ...emptyPane('demo'), view: 'claims' as const }] };
    expect(openClusterIn(shown, 'demo').panes[0]?.view).toBe('claims');
  });

  it('closing a shown cluster moves the pane to another open one and drops a duplicate split', () => {
    const state = { open: ['a', 'b'], panes: [emptyPane('a'), emptyPane('b')] };
    const closed = closeClusterIn(state, 'a');
    expect(closed.open).toEqual(['b']);
    expect(closed.panes.map((p) => p.cluster)).toEqual(['b']);
  });

  it('closing the last cluster leaves one empty pane', () => {
    const closed = closeClusterIn(openClusterIn(EMPTY_VIEW, 'demo'), 'demo');
    expect(closed).toEqual({ open: [], panes: [emptyPane(undefined)] });
  });
});
