/**
 * The graph's broken links in words: every edge that is not bound, with the finding that explains it, under the
 * canvas; collapsible, and closed at first in a short view.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { StorageGraph } from '../../../shared/model/detail';
import { usePaneActions } from '../components/pane-context';
import { useI18n } from '../i18n/i18n';
import { Verbatim } from '../i18n/Verbatim';
import { findingTitle } from '../tables/cells';

/**
 * Height of the graph view (px) from which the broken links start open: below it the canvas needs the room. The
 * list takes up to 35 % of the view, so at 640 px the canvas keeps about 330 px under a two-row toolbar. Side by
 * side at 1280x720 the view is 618 px since the view strip is one row (T8-5; it was three), where the open list
 * left the canvas ~285 px (trial 7); alone it is 651 px.
 */
export const BROKEN_OPEN_MIN_VIEW_HEIGHT = 640;

/**
 * Every edge that is not bound, in words, with the finding that explains it: the graph's meaning for
 * screen readers and for anyone who would rather read than trace lines.
 */
export function BrokenLinks({ graph, onSelect }: { graph: StorageGraph; onSelect: ReturnType<typeof usePaneActions>['select'] }) {
  const { t, tr, lang } = useI18n();
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const broken = graph.edges.filter((e) => e.state !== 'bound');
  // Collapsible (its summary names it and counts the links). Open at first where the view is tall enough for the
  // canvas beside it; in a short view (side by side at 1280x720) it starts closed,
  // or the canvas kept ~285 px under it (trial 7). Once the user toggles it, their choice holds.
  const box = useRef<HTMLDetailsElement>(null);
  const [tall, setTall] = useState<boolean | undefined>(undefined);
  const [chosen, setChosen] = useState<boolean | undefined>(undefined);
  const hasBroken = broken.length > 0;
  useLayoutEffect(() => {
    const view = box.current?.closest<HTMLElement>('.graph-view');
    if (!view) return;
    const measure = () => view.clientHeight > 0 && setTall(view.clientHeight >= BROKEN_OPEN_MIN_VIEW_HEIGHT);
    measure();
    // The view gets short without remounting (a second pane opened beside it): the list follows until toggled.
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(view);
    return () => observer.disconnect();
  }, [hasBroken]);
  const open = chosen ?? tall ?? true;
  if (broken.length === 0) return null;
  return (
    <details
      ref={box}
      className="broken-links-box"
      open={open}
      // The toggle event also follows a change of `open` made here: only a change the user made is their choice.
      onToggle={(event) => event.currentTarget.open !== open && setChosen(event.currentTarget.open)}
      data-testid="graph-broken-box"
      data-start={tall === undefined ? undefined : tall ? 'open' : 'closed'}
    >
      <summary data-testid="graph-broken-toggle">
        {t('graph.broken')} <span className="nav-count">{broken.length}</span>
      </summary>
    <ul className="broken-links" aria-label={t('graph.broken')} data-testid="graph-broken-links">
      {broken.map((edge) => {
        const from = byId.get(edge.from);
        const to = byId.get(edge.to);
        return (
          <li key={edge.id} data-testid="graph-broken-link" data-state={edge.state}>
            <span className={`legend-line edge-line-${edge.state}`} aria-hidden="true" />
            {/* The words wrap inside their own column, indented past the line: a cause that wraps stays under its link. */}
            <span className="broken-link-words">
            {from?.ref ? (
              <button type="button" className="object-link" translate="no" onClick={() => from.ref && onSelect(from.ref)}>
                {from.label}
              </button>
            ) : (
              <Verbatim className="mono">{from?.label ?? edge.from}</Verbatim>
            )}
            <span className="muted">→</span>
            {to?.ref ? (
              <button type="button" className="object-link" translate="no" onClick={() => to.ref && onSelect(to.ref)}>
                {to.label}
              </button>
            ) : (
              <Verbatim className="mono">{to?.label ?? edge.to}</Verbatim>
            )}
            {/* The state in the target's own words when it has one: a provisioner drawn «НЕ РАБОТАЕТ» is not «не существует» here. */}
            <strong className={`edge-text-${edge.state}`} data-testid="graph-broken-state">
              {to?.missing ? t('details.missing') : to?.verdict && to.verdict !== 'alive' && to.verdict !== 'static' ? t(`verdict.${to.verdict}`) : t(`edge.${edge.state}`)}
            </strong>
            {edge.differs && edge.differs.length > 0 && (
              <span className="small-text" data-testid="graph-broken-differs">
                {tr('graph.differsFull', { fields: <Verbatim className="mono">{edge.differs.join(', ')}</Verbatim> })}
              </span>
            )}
            {edge.findingCode && (
              <span className="muted" title={t('details.ruleId', { code: edge.findingCode })} data-code={edge.findingCode}>
                {findingTitle(edge.findingCode, lang)}
              </span>
            )}
            </span>
          </li>
        );
      })}
    </ul>
    </details>
  );
}
