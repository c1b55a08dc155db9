/**
 * A pane's view navigation: a column beside the view in a wide pane, a strip above it in a narrow one (side by
 * side, beside a lesson). The strip keeps one row: views that do not fit go to a "More" menu at its end, least
 * used first, never the current one (nav-overflow.ts; trial 8 of issue 8, T8-5: three rows at 1280x720 in ru).
 * A view picked from the menu takes the strip's last slot and focus, the one view there goes to the menu and no
 * other view moves; counts a digit wider or narrower move nothing (trial 9).
 */
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { TABLE_IDS, type TableId } from '../../../shared/model/rows';
import type { KindStatus } from '../../../shared/model/status';
import type { Lang } from '../../../shared/model/findings';
import { formatNumber } from '../format/locale';
import { PopoverButton } from '../components/Popover';
import { useI18n, type MessageKey, type Translate } from '../i18n/i18n';
import type { ViewId } from '../state/view-state';
import { useView } from '../state/view-store';
import { useElementWidth } from '../state/use-width';
import { RESOURCE_OF_TABLE, TABLES } from '../tables/registry';
import { NO_STRIP_LAYOUT, stripLayout, stripOrder, type StripLayout } from './nav-overflow';

type NavId = ViewId | 'lessons';

/** How much a table is used: claims, volumes and pods stay longest; optional CSI kinds leave first. */
const TABLE_RANK: Record<TableId, number> = {
  claims: 100,
  volumes: 80,
  pods: 75,
  classes: 70,
  provisioners: 60,
  events: 50,
  snapshots: 30,
  nodes: 25,
  capacities: 15,
  attributesclasses: 10,
};

/** The views in navigation order, with their rank in a narrow strip (smaller leaves for the menu first). */
const NAV: { id: NavId; label: MessageKey; rank: number }[] = [
  { id: 'overview', label: 'nav.overview', rank: 90 },
  ...TABLE_IDS.map((id) => ({ id, label: TABLES[id].label, rank: TABLE_RANK[id] })),
  { id: 'graph', label: 'nav.graph', rank: 55 },
  { id: 'exercises', label: 'nav.exercises', rank: 20 },
  { id: 'lessons', label: 'nav.lessons', rank: 40 },
];


export interface ViewNavProps {
  current: ViewId;
  onShow: (view: ViewId) => void;
  /** Object counts by resource, from the overview (absent while it loads). */
  counts: Partial<Record<string, number>> | undefined;
  kinds: KindStatus[] | undefined;
  /** A live cluster (a file is read whole: its kinds are never "not listed yet"). */
  live: boolean;
}

export function ViewNav({ current, onShow, counts, kinds, live }: ViewNavProps) {
  const { t, lang } = useI18n();
  const { state, update } = useView();
  const nav = useRef<HTMLElement>(null);
  const measure = useRef<HTMLDivElement>(null);
  const width = useElementWidth(nav);
  const [layout, setLayout] = useState<StripLayout>(NO_STRIP_LAYOUT);
  // The layout the next measure starts from (hysteresis, the promoted slot); a ref, so setting it re-runs nothing.
  const previous = useRef<StripLayout>(NO_STRIP_LAYOUT);
  // A view picked from the menu, to be focused on the strip once it is drawn there.
  const focusNext = useRef<NavId | null>(null);

  const content = (item: (typeof NAV)[number]): ReactNode => (
    <>
      {t(item.label)}
      {item.id !== 'overview' && item.id !== 'graph' && item.id !== 'exercises' && item.id !== 'lessons' && counts ? (
        <NavCount table={item.id} counts={counts} kinds={kinds} live={live} t={t} lang={lang} />
      ) : null}
    </>
  );

  // Measured from an invisible copy of the whole row, so what is in the menu is measured too. Only when what the
  // copy shows or the strip's width changed: the pane re-renders on every refetch during a stream of changes, and
  // a measure forces a layout (review of T8-5).
  const countsKey = NAV.map((item) => (item.id in TABLE_RANK ? counts?.[RESOURCE_OF_TABLE[item.id as TableId] ?? ''] : '')).join();
  const kindsKey = kinds?.map((k) => `${k.kind}:${k.state}`).join() ?? '';
  useLayoutEffect(() => {
    const strip = nav.current;
    const copies = measure.current;
    if (!strip || !copies) return;
    const style = getComputedStyle(strip);
    let next = NO_STRIP_LAYOUT;
    if (style.flexDirection === 'row') {
      const widths = [...copies.children].map((c) => c.getBoundingClientRect().width);
      const more = widths.pop() ?? 0;
      const available = strip.clientWidth - (parseFloat(style.paddingLeft) || 0) - (parseFloat(style.paddingRight) || 0);
      const gap = parseFloat(style.columnGap) || 0;
      const fits = NAV.map((item, i) => ({ width: widths[i] ?? 0, rank: item.rank }));
      next = stripLayout(available, fits, more, gap, NAV.findIndex((item) => item.id === current), previous.current);
    }
    previous.current = next;
    setLayout((was) => (sameLayout(was, next) ? was : next));
  }, [width, countsKey, kindsKey, live, current, t]);

  // Focus follows a view picked from the menu to its slot on the strip (the menu item it was picked from is gone).
  useEffect(() => {
    const id = focusNext.current;
    const item = id ? nav.current?.querySelector<HTMLElement>(`:scope > [data-testid="nav-${id}"]`) : null;
    if (!item) return;
    focusNext.current = null;
    item.focus();
  });

  const button = (item: (typeof NAV)[number], after?: (refocus?: boolean) => void) => {
    const onClick = () => {
      if (item.id === 'lessons') update((s) => ({ ...s, lesson: s.lesson ? undefined : 'stateless' }));
      else onShow(item.id);
      // From the menu: a view gets the focus on the strip; the lesson toggle returns it to the menu button.
      if (after && item.id !== 'lessons') focusNext.current = item.id;
      after?.(item.id === 'lessons');
    };
    // The lesson is a toggle beside the view, not a view: pressed, never "current".
    if (item.id === 'lessons')
      return (
        <button key={item.id} type="button" className={state.lesson ? 'nav-item nav-toggle pressed' : 'nav-item nav-toggle'} aria-pressed={Boolean(state.lesson)} onClick={onClick} data-testid="nav-lessons">
          {content(item)}
        </button>
      );
    const active = current === item.id;
    return (
      <button key={item.id} type="button" className={active ? 'nav-item active' : 'nav-item'} aria-current={active ? 'page' : undefined} onClick={onClick} data-testid={`nav-${item.id}`}>
        {content(item)}
      </button>
    );
  };

  const menu = layout.menu.map((i) => NAV[i]!).filter(Boolean);
  // The current view is never left in the menu (it takes the strip's last slot); should it be, the toggle says so.
  const holdsCurrent = menu.some((item) => item.id === current);
  return (
    <nav className="view-nav" aria-label={t('app.mainNav')} ref={nav}>
      {stripOrder(NAV.length, layout).map((i) => button(NAV[i]!))}
      {menu.length > 0 && (
        <PopoverButton label={t('nav.more')} title={t('nav.moreTitle')} testId="nav-more" align="end" pressed={holdsCurrent} closeOnFocusOut>
          {(close) => <div className="nav-more-list">{menu.map((item) => button(item, close))}</div>}
        </PopoverButton>
      )}
      <div className="view-nav-measure" ref={measure} aria-hidden="true">
        {NAV.map((item) => (
          <span key={item.id} className="nav-item-copy">
            {content(item)}
          </span>
        ))}
        <span className="button popover-button">
          {t('nav.more')} <span className="caret">▾</span>
        </span>
      </div>
    </nav>
  );
}

function sameLayout(a: StripLayout, b: StripLayout): boolean {
  return a.promoted === b.promoted && a.menu.join() === b.menu.join() && a.byRank.join() === b.byRank.join();
}

function NavCount({ table, counts, kinds, live, t, lang }: { table: TableId; counts: Partial<Record<string, number>>; kinds: KindStatus[] | undefined; live: boolean; t: Translate; lang: Lang }) {
  // Object counts beside table names, from the overview; the provisioners table lists no kind of its own.
  const kind = RESOURCE_OF_TABLE[table];
  const state = kind ? kinds?.find((k) => k.kind === kind)?.state : undefined;
  // A kind that could not be listed has no count: "0" would claim there are none. Nor has one not listed yet
  // (syncing, or never started because the cluster cannot be reached): "0" would read as "none" there too.
  if (state === 'forbidden' || state === 'absent' || state === 'error' || (live && (state === 'syncing' || state === 'idle')))
    return (
      <span className="nav-count" title={t(`status.${state}`)} data-state={state}>
        {state === 'syncing' || state === 'idle' ? '…' : '—'}
      </span>
    );
  const n = kind ? counts[kind] : undefined;
  // Grouped as the UI language writes numbers («3 013», "3,013"), like every count in a message (T8-18).
  return n === undefined ? null : <span className="nav-count">{formatNumber(n, lang)}</span>;
}
