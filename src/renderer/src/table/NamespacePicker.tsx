/**
 * The namespace filter: any number of namespaces, picked from a searchable list (clusters have hundreds).
 * An empty choice means every namespace. The choice lives in the URL (ns=a,b) and reaches the core as a list.
 */
import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { PopoverButton } from '../components/Popover';

export interface NamespacePickerProps {
  namespaces: readonly string[];
  selected: readonly string[];
  onChange(selected: string[]): void;
}

export function NamespacePicker({ namespaces, selected, onChange }: NamespacePickerProps) {
  const { t } = useI18n();
  const [find, setFind] = useState('');
  // A namespace chosen from a link may not be in the list (yet): keep it visible so it can be unticked.
  const all = [...new Set([...selected, ...namespaces])].sort();
  const needle = find.trim().toLowerCase();
  const shown = needle ? all.filter((ns) => ns.includes(needle)) : all;
  const toggle = (ns: string, on: boolean) => onChange(on ? [...selected, ns] : selected.filter((s) => s !== ns));
  const label =
    selected.length === 0 ? t('table.allNamespaces') : selected.length === 1 ? <span translate="no">{selected[0]}</span> : t('table.namespacesCount', { n: selected.length });

  return (
    <PopoverButton label={label} title={t('table.namespace')} testId="filter-namespace" pressed={selected.length > 0}>
      {() => (
        <div className="namespace-picker">
          <input
            type="search"
            className="input small"
            placeholder={t('table.findNamespace')}
            aria-label={t('table.findNamespace')}
            value={find}
            onChange={(e) => setFind(e.target.value)}
            data-testid="namespace-find"
          />
          <button type="button" className="link-button" onClick={() => onChange([])} disabled={selected.length === 0} data-testid="namespace-all">
            {t('table.allNamespaces')}
          </button>
          <ul className="check-list" aria-label={t('table.namespace')}>
            {shown.map((ns) => (
              <li key={ns}>
                <label className="check-line" data-testid="namespace-option" data-namespace={ns}>
                  <input type="checkbox" checked={selected.includes(ns)} onChange={(e) => toggle(ns, e.target.checked)} />
                  <span translate="no">{ns}</span>
                </label>
              </li>
            ))}
          </ul>
          {shown.length === 0 && <p className="muted small-text">{t('table.noNamespaceMatches')}</p>}
        </div>
      )}
    </PopoverButton>
  );
}
