/**
 * The selected object's place in the table: the core locates its row under the table's filters and sort
 * (contract locateRow), so the table can make it the active row and scroll to it, also when it is far below the
 * loaded pages (a link followed from another view, Back, a copied URL). A newly selected object that the filters
 * hide is reported once, so the view can clear them; later filter changes by the user are left alone.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { refKey, type TargetRef } from '../../../shared/model/refs';
import { useApi } from '../api/api-context';
import { locateRowQuery, type RowsQuery } from '../api/queries';

export function useSelectedRow(
  query: RowsQuery,
  selected: TargetRef | undefined,
  filtered: boolean,
  onHidden: (() => void) | undefined,
  onFound: (index: number) => void,
): void {
  const api = useApi();
  const located = useQuery({ ...locateRowQuery(api, query, selected ?? { kind: 'pods', name: '-' }), enabled: Boolean(selected) });
  const selectedKey = selected ? `${selected.kind}:${refKey(selected)}` : '';
  const queryKey = JSON.stringify(query);
  const applied = useRef('');
  const checked = useRef('');
  const index = selected ? located.data?.index : undefined;
  useEffect(() => {
    if (index === undefined) return;
    // The index too: a row inserted above the selected one (a live cluster, the demo's replay) moves it, and the
    // active row follows its object rather than staying on a number (Escape then returns focus to the right row).
    const key = `${selectedKey}|${queryKey}|${index}`;
    if (applied.current === key) return;
    applied.current = key;
    if (index >= 0) onFound(index);
    else if (filtered && checked.current !== selectedKey) onHidden?.();
    checked.current = selectedKey;
    // The callbacks change with every render; the selection, the request and the answer decide.
  }, [index, selectedKey, queryKey]); // eslint-disable-line react-hooks/exhaustive-deps
}
