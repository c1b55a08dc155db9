/** The name of a view as the view navigation, the breadcrumb and the window title show it: one place for all three. */
import type { MessageKey } from '../i18n/i18n';
import { TABLES } from './registry';
import type { ViewId } from '../state/view-state';

const OWN_VIEWS = { overview: 'nav.overview', graph: 'nav.graph', exercises: 'nav.exercises' } as const satisfies Record<string, MessageKey>;

export function viewLabel(view: ViewId): MessageKey {
  return view in OWN_VIEWS ? OWN_VIEWS[view as keyof typeof OWN_VIEWS] : TABLES[view as keyof typeof TABLES].label;
}
