/**
 * One row of the virtualised grid, memoised: a row re-renders only when its own object, its place, its state
 * (active, selected, new), the columns or their context change; the context holds the clock (`ctx.now`), so on a
 * live cluster every row on screen re-renders once a second for its age cells, and not between ticks. Scrolling renders the whole table on every frame (the virtualiser's
 * range moves), and a change notice refetches the page on screen; without the memo every cell of every row on
 * screen and in the overscan was rendered again each time, which the browser benchmark saw as dropped frames while
 * scrolling during a stream of changes (docs/benchmarks.md, "Change to screen").
 */
import { memo } from 'react';
import type { TargetRef } from '../../../shared/model/refs';
import { BidiText } from '../components/BidiText';
import { MiddleText } from '../components/MiddleText';
import { targetNamespace } from '../state/target';
import type { Column, ColumnContext } from '../tables/column';
import { rowRef, type AnyRow } from '../tables/registry';

/** A column as laid out: its declaration and its width on screen, px. */
export type ShownColumn = Column<AnyRow> & { layoutWidth: number };

interface GridRowProps {
  /** The row's object, or undefined while its page is loading. */
  row: AnyRow | undefined;
  /** Its index among all rows (0-based) and its top, px from the grid body's top. */
  index: number;
  start: number;
  height: number;
  /** The id of the grid (rows' ids are `${gridId}-r${index}`, for aria-activedescendant). */
  gridId: string;
  /** CSS grid-template-columns and the row's width (a CSS length). */
  template: string;
  width: string;
  /** The columns shown, in order; must keep its identity while the layout is the same (the memo compares it). */
  columns: readonly ShownColumn[];
  /** The cells' context; must keep its identity while language, clock and font are the same. */
  ctx: ColumnContext;
  active: boolean;
  selected: boolean;
  isNew: boolean;
  /** The text of a row still loading. */
  loadingText: string;
  /** A click: the row's index and object (undefined while loading). Must keep its identity. */
  onPick(index: number, ref: TargetRef | undefined): void;
}

function GridRowView({ row, index, start, height, gridId, template, width, columns, ctx, active, selected, isNew, loadingText, onPick }: GridRowProps) {
  const ref = row && rowRef(row);
  return (
    <div
      id={`${gridId}-r${index}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-testid="table-row"
      data-name={ref?.name}
      data-namespace={ref && targetNamespace(ref)}
      data-new={isNew ? 'true' : undefined}
      className={`grid-row${active ? ' active' : ''}${selected ? ' selected' : ''}${isNew ? ' is-new' : ''}`}
      style={{ gridTemplateColumns: template, width, transform: `translateY(${start}px)`, height }}
      onClick={() => onPick(index, ref)}
    >
      {row ? (
        columns.map((column) => {
          const text = column.value(row, ctx);
          // The cell's padding is 8 px a side.
          const room = column.layoutWidth - 16;
          return (
            <div
              key={column.id}
              role="gridcell"
              className={column.align === 'end' ? 'cell end' : 'cell'}
              title={column.title?.(row, ctx) ?? (text || undefined)}
              translate={column.uiText ? undefined : 'no'}
              data-column={column.id}
            >
              {column.render ? column.render(row, ctx, room) : column.middle ? <MiddleText text={text} room={room} measure={ctx.measure} /> : <BidiText text={text} />}
            </div>
          );
        })
      ) : (
        <div role="gridcell" className="cell muted">
          {loadingText}
        </div>
      )}
    </div>
  );
}

export const GridRow = memo(GridRowView);
