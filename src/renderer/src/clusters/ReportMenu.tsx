/**
 * The top bar's "Report" menu for the cluster in the first pane: copy or save a report file (Markdown or one
 * HTML page, in the UI language) of the whole cluster, of the namespace the pane is filtered to, or of the object
 * selected there, and export the cluster's snapshot (the same file as `kse snapshot`). The core makes both files
 * (getReport, exportSnapshot: redacted as snapshots are), so the browser version can download them as well.
 * A native <details> disclosure: no popup library, keyboard and screen readers work as they do everywhere; Escape
 * and a press outside close it (use-disclosure-dismiss.ts).
 */
import { useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { DESCRIPTOR_OF_RESOURCE } from '../../../shared/kube/resource-registry';
import { isProvisionerRef, refKey } from '../../../shared/model/refs';
import type { ReportFormat, ReportScope } from '../../../shared/report/report-model';
import { useApi } from '../api/api-context';
import { errorText } from '../components/StateMessage';
import { useI18n, type MessageKey, type Params } from '../i18n/i18n';
import { useWindowWidth } from '../state/use-width';
import { usePane } from '../state/view-store';
import { useClusterInfo } from './use-clusters';
import { localizeClusterName } from './cluster-labels';
import '../styles/report-menu.css';
import { saveTextFile } from '../components/save-text-file';
import { useDisclosureDismiss } from '../components/use-disclosure-dismiss';

type ScopeChoice = 'cluster' | 'namespace' | 'object';

export function ReportMenu() {
  const { t, lang } = useI18n();
  const api = useApi();
  const [pane] = usePane(0);
  const info = useClusterInfo(pane.cluster);
  const [format, setFormat] = useState<ReportFormat>('html');
  const [choice, setChoice] = useState<ScopeChoice>('cluster');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ key: MessageKey; params: Params; error: boolean }>();
  // The top bar clips what overflows it, so the panel is placed in the window (fixed) under its button.
  const [place, setPlace] = useState<CSSProperties>();
  const [open, setOpen] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  // Measured again when the button may have moved: opened, the language switched (other widths), the window resized.
  const width = useWindowWidth();
  const onKeyDown = useDisclosureDismiss(details, open);
  useLayoutEffect(() => {
    const box = open ? details.current?.querySelector('summary')?.getBoundingClientRect() : undefined;
    if (box) setPlace({ top: box.bottom + 4, right: Math.max(4, window.innerWidth - box.right) });
  }, [open, lang, width]);
  if (!pane.cluster || !info) return null;
  const clusterId = pane.cluster;
  const namespace = pane.namespaces?.length === 1 ? pane.namespaces[0] : undefined;
  // A report is about objects; a selected provisioner reports as its cluster (its findings are on its classes and claims).
  const object = pane.selected && !isProvisionerRef(pane.selected) ? pane.selected : undefined;
  // A choice that no longer applies (the filter or selection changed) falls back to the whole cluster.
  const scopeChoice: ScopeChoice = (choice === 'namespace' && !namespace) || (choice === 'object' && !object) ? 'cluster' : choice;
  const scope: ReportScope = scopeChoice === 'namespace' && namespace ? { namespace } : scopeChoice === 'object' && object ? { object } : {};

  const run = async (action: () => Promise<{ key: MessageKey; params: Params }>, failure: MessageKey) => {
    setBusy(true);
    try {
      setMessage({ ...(await action()), error: false });
    } catch (e) {
      setMessage({ key: failure, params: { error: errorText(e, lang) }, error: true });
    } finally {
      setBusy(false);
    }
  };
  const report = () => api.getReport({ clusterId, ...scope, format, lang });
  const copy = () =>
    run(async () => {
      const file = await report();
      if (!navigator.clipboard) return { key: 'report.copyFailed', params: {} };
      await navigator.clipboard.writeText(file.content);
      return { key: 'report.copied', params: {} };
    }, 'report.failed');
  const save = () =>
    run(async () => {
      const file = await report();
      saveTextFile(file.fileName, file.content, file.mimeType);
      return { key: 'report.saved', params: { name: file.fileName } };
    }, 'report.failed');
  const exportSnapshot = () =>
    run(async () => {
      const file = await api.exportSnapshot({ clusterId });
      saveTextFile(file.fileName, file.content, 'application/json');
      return { key: 'report.saved', params: { name: file.fileName } };
    }, 'report.snapshotFailed');

  return (
    <details
      className="report-menu"
      data-testid="report-menu"
      ref={details}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      onKeyDown={onKeyDown}
    >
      <summary className="button" aria-label={t('report.menuLabel', { name: info.name })}>
        {t('report.menu')}
      </summary>
      <div className="report-menu-panel" style={place} role="group" aria-label={t('report.menuLabel', { name: info.name })}>
        <label className="report-menu-field">
          <span>{t('report.scope')}</span>
          <select className="select" value={scopeChoice} onChange={(e) => setChoice(e.target.value as ScopeChoice)} data-testid="report-scope">
            {/* Named: side by side, "the whole cluster" did not say which one (trial 8, T8-17). */}
            <option value="cluster">{t('report.scopeCluster', { name: localizeClusterName(info, t).name })}</option>
            {namespace !== undefined && <option value="namespace">{t('report.scopeNamespace', { name: namespace })}</option>}
            {object && <option value="object">{t('report.scopeObject', { kind: DESCRIPTOR_OF_RESOURCE[object.kind].kind, name: refKey(object) })}</option>}
          </select>
        </label>
        <label className="report-menu-field">
          <span>{t('report.format')}</span>
          <select className="select" value={format} onChange={(e) => setFormat(e.target.value as ReportFormat)} data-testid="report-format">
            <option value="html">{t('report.formatHtml')}</option>
            <option value="markdown" translate="no">
              {t('report.formatMarkdown')}
            </option>
          </select>
        </label>
        <p className="small-text report-menu-note">{t('report.note')}</p>
        <div className="report-menu-actions">
          <button type="button" className="button" disabled={busy} onClick={() => void copy()} data-testid="report-copy">
            {t('report.copy')}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void save()} data-testid="report-save">
            {t('report.save')}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void exportSnapshot()} data-testid="snapshot-export">
            {t('report.exportSnapshot')}
          </button>
        </div>
        <p className={message?.error ? 'small-text tone-text-bad' : 'small-text'} role="status" aria-live="polite" data-testid="report-message">
          {message && t(message.key, message.params)}
        </p>
      </div>
    </details>
  );
}
