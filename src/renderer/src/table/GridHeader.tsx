/**
 * The header row of a table: one sort button per column (asc, desc, then the core's default order) and a
 * resize handle on each header's right edge. The handle is a focusable separator: drag it, or use the arrow
 * keys (Shift for bigger steps); Home or a double click gives the column back to the automatic layout.
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import type { SortState } from '../state/view-state';
import { MIN_RESIZED_WIDTH, type Column } from '../tables/column';
import type { AnyRow } from '../tables/registry';

/** Keyboard steps of a resize handle, px. */
const STEP = 16;
const BIG_STEP = 64;

export interface GridHeaderProps {
  columns: readonly (Column<AnyRow> & { layoutWidth: number })[];
  template: string;
  /** CSS width shared with the body rows. */
  width: string;
  sort: SortState | undefined;
  onSort(column: string): void;
  /** A new width for a column, or undefined to let the layout choose again. */
  onResize(column: string, width: number | undefined): void;
}

function ariaSort(sort: SortState | undefined, column: string): 'ascending' | 'descending' | 'none' {
  if (sort?.column !== column) return 'none';
  return sort.direction === 'asc' ? 'ascending' : 'descending';
}

export function GridHeader({ columns, template, width, sort, onSort, onResize }: GridHeaderProps) {
  const { t } = useI18n();
  const drag = useRef<{ id: string; startX: number; startWidth: number } | null>(null);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>, id: string, current: number) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { id, startX: event.clientX, startWidth: current };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    onResize(d.id, Math.max(MIN_RESIZED_WIDTH, Math.round(d.startWidth + event.clientX - d.startX)));
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    drag.current = null;
    event.currentTarget.releasePointerCapture(event.pointerId);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, id: string, current: number) => {
    const step = event.shiftKey ? BIG_STEP : STEP;
    const next: Record<string, () => number | undefined> = {
      ArrowLeft: () => Math.max(MIN_RESIZED_WIDTH, current - step),
      ArrowRight: () => current + step,
      Home: () => undefined,
    };
    const action = next[event.key];
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    onResize(id, action());
  };

  return (
    <div className="grid-head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template, width }}>
      {columns.map((column) => {
        const label = t(column.label);
        return (
          <div key={column.id} role="columnheader" aria-label={label} aria-sort={ariaSort(sort, column.id)} className={column.align === 'end' ? 'cell head-cell end' : 'cell head-cell'} data-column={column.id} data-importance={column.essential ? 'essential' : (column.priority ?? 0)}>
            <button type="button" className="sort-button" onClick={() => onSort(column.id)} data-testid={`sort-${column.id}`} title={t('table.sortBy', { column: label })}>
              <span className="head-label">{label}</span>
              <span className="sort-mark" aria-hidden="true">
                {sort?.column === column.id ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
              </span>
            </button>
            <div
              role="separator"
              aria-orientation="vertical"
              aria-label={t('table.resizeColumn', { column: label })}
              aria-valuenow={column.layoutWidth}
              aria-valuemin={MIN_RESIZED_WIDTH}
              tabIndex={0}
              className="col-resize"
              data-testid={`resize-${column.id}`}
              onPointerDown={(e) => onPointerDown(e, column.id, column.layoutWidth)}
              onPointerMove={onPointerMove}
              onPointerUp={onPointerUp}
              onPointerCancel={onPointerUp}
              onKeyDown={(e) => onKeyDown(e, column.id, column.layoutWidth)}
              onDoubleClick={() => onResize(column.id, undefined)}
              onClick={(e) => e.stopPropagation()}
            />
          </div>
        );
      })}
    </div>
  );
}
