/**
 * The path taken through links, e.g. Claims › lab-stuck/missing-class › StorageClass fast-ssd. Every step but the
 * last (where the user is) can be clicked; the first names the view the path started in. A step clicked comes back
 * as the user left it: filters, search, namespaces, sort and the details tab (navigation.ts toCrumb). Browser Back
 * walks the same path one step at a time, to the same states.
 */
import { refKey } from '../../../shared/model/refs';
import { useI18n } from '../i18n/i18n';
import { crumbsOf, toCrumb } from '../state/navigation';
import type { PaneState, TrailStep, ViewId } from '../state/view-state';
import { targetKindWord } from '../state/target';
import { viewLabel } from '../tables/view-label';

interface Crumb {
  /** Index in crumbsOf(pane). */
  index: number;
  viewOnly: boolean;
  /** Translated words (a view's name) or a cluster-sourced name. */
  text: string;
  /** A kind before the name (StorageClass fast-ssd); kinds are Kubernetes names, not translated. */
  kind?: string;
  cluster: boolean;
}

/** The crumbs to draw: the first step's view, then each step's object (its kind named after the first). */
export function crumbItems(pane: PaneState, viewName: (view: ViewId) => string, provisionerWord: string): Crumb[] {
  const steps = crumbsOf(pane);
  const out: Crumb[] = [];
  steps.forEach((step: TrailStep, index) => {
    if (index === 0) out.push({ index, viewOnly: true, text: viewName(step.view), cluster: false });
    if (!step.ref) return;
    const kind = index === 0 ? undefined : targetKindWord(step.ref, provisionerWord);
    out.push({ index, viewOnly: false, text: refKey(step.ref), kind, cluster: true });
  });
  return out;
}

export function Breadcrumb({ pane, onGo }: { pane: PaneState; onGo(next: PaneState): void }) {
  const { t } = useI18n();
  const items = crumbItems(pane, (view) => t(viewLabel(view)), t('col.provisioner'));
  if (items.length === 0) return null;
  return (
    <nav className="detail-trail" aria-label={t('details.path')} data-testid="details-trail">
      <ol>
        {items.map((c, i) => {
          const last = i === items.length - 1;
          const body = (
            <>
              {c.kind && (
                <span className="kind-label" translate="no">
                  {c.kind}{' '}
                </span>
              )}
              <span translate={c.cluster ? 'no' : undefined}>{c.text}</span>
            </>
          );
          return (
            <li key={`${c.index}-${c.viewOnly}`}>
              {last ? (
                <span aria-current="location" data-testid="trail-current">
                  {body}
                </span>
              ) : (
                <button type="button" className="link-button" onClick={() => onGo(toCrumb(pane, c.index, c.viewOnly))} data-testid="trail-step">
                  {body}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
