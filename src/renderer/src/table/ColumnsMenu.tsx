/**
 * The Columns menu of a table: show or hide each column (name, status and findings are always shown), see which
 * ones the current width has no room for, and go back to the defaults. Choices are remembered per table.
 */
import type { TableId } from '../../../shared/model/rows';
import { useI18n } from '../i18n/i18n';
import { TABLES } from '../tables/registry';
import type { ColumnPrefs } from './column-prefs';
import { PopoverButton } from '../components/Popover';

export interface ColumnsMenuProps {
  table: TableId;
  prefs: ColumnPrefs;
  /** Columns the layout hid because the grid is too narrow for them. */
  hiddenForRoom: readonly string[];
  /** Columns hidden by default because no row on screen has data for them; checking one shows it. */
  hiddenNoData?: readonly string[];
}

export function ColumnsMenu({ table, prefs, hiddenForRoom, hiddenNoData = [] }: ColumnsMenuProps) {
  const { t } = useI18n();
  const spec = TABLES[table];
  const changed = prefs.choices.hidden.length > 0 || (prefs.choices.shown ?? []).length > 0 || Object.keys(prefs.choices.widths).length > 0;
  return (
    <PopoverButton label={t('table.columns')} title={t('table.columnsOf', { table: t(spec.label) })} testId="columns-menu" align="end" pressed={changed}>
      {() => (
        <div className="columns-menu">
          <ul className="check-list">
            {spec.columns.map((column) => {
              const noData = hiddenNoData.includes(column.id);
              const userHidden = !column.essential && (noData || prefs.choices.hidden.includes(column.id));
              // Wanted but not drawn: the grid has no room for it at this width. Its box is neither ticked (it is not
              // on screen; trial 6 of issue 8, T6-12: ticked boxes for columns nowhere to be seen) nor empty (the
              // user did not hide it, and it comes back when there is room): a dash, "mixed" to assistive tech.
              const noRoom = !userHidden && !column.essential && hiddenForRoom.includes(column.id);
              const note = column.essential ? t('table.columnAlways') : noData ? t('table.columnNoData') : noRoom ? t('table.columnNoRoom') : undefined;
              return (
                <li key={column.id}>
                  <label className="check-line" data-testid="column-option" data-column={column.id}>
                    <input
                      type="checkbox"
                      checked={!userHidden && !noRoom}
                      ref={(input) => {
                        if (input) input.indeterminate = noRoom;
                      }}
                      disabled={column.essential}
                      // A click on a dash hides the column: the user saw it is not shown and chose so.
                      onChange={(e) => prefs.setHidden(column.id, noRoom || !e.target.checked)}
                    />
                    <span>{t(column.label)}</span>
                    {note && <span className="muted small-text">({note})</span>}
                  </label>
                </li>
              );
            })}
          </ul>
          <button type="button" className="button small" onClick={prefs.reset} disabled={!changed} data-testid="columns-reset">
            {t('table.resetColumns')}
          </button>
        </div>
      )}
    </PopoverButton>
  );
}
