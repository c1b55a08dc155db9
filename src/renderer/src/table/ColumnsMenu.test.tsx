// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import type { ColumnPrefs } from './column-prefs';
import { ColumnsMenu } from './ColumnsMenu';

afterEach(cleanup);

const prefsWith = (hidden: string[] = []) => ({ choices: { hidden, widths: {} }, setHidden: vi.fn<(id: string, hidden: boolean) => void>(), setWidth: vi.fn(), reset: vi.fn() }) satisfies ColumnPrefs;

function open(prefs: ColumnPrefs, hiddenForRoom: string[]) {
  render(
    <I18nProvider lang="en">
      <ColumnsMenu table="claims" prefs={prefs} hiddenForRoom={hiddenForRoom} />
    </I18nProvider>,
  );
  fireEvent.click(screen.getByTestId('columns-menu'));
  const panel = screen.getByTestId('columns-menu-panel');
  return (id: string) => within(panel).getAllByTestId('column-option').find((o) => o.dataset.column === id)!;
}

describe('the Columns menu', () => {
  it('ticks only columns on screen: one without room shows a dash and says why (trial 6 of issue 8, T6-12)', () => {
    const line = open(prefsWith(), ['age']);
    const age = line('age').querySelector('input')!;
    expect(age.checked).toBe(false);
    expect(age.indeterminate).toBe(true);
    expect(line('age').textContent).toContain('no room at this width');
    const namespace = line('namespace').querySelector('input')!;
    expect(namespace.checked).toBe(true);
    expect(namespace.indeterminate).toBe(false);
  });

  it('a click on the dash hides the column for good; a user-hidden column is an empty box', () => {
    const prefs = prefsWith(['pods']);
    const line = open(prefs, ['age']);
    fireEvent.click(line('age').querySelector('input')!);
    expect(prefs.setHidden).toHaveBeenCalledWith('age', true);
    const pods = line('pods').querySelector('input')!;
    expect(pods.checked).toBe(false);
    expect(pods.indeterminate).toBe(false);
    expect(line('pods').textContent).not.toContain('no room');
  });
});
