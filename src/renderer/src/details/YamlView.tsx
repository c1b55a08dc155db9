/**
 * Read-only YAML with highlighting (components/highlight-yaml.ts, whose output is escaped and safe to set as HTML),
 * and Copy, Download and Wrap. The core already wrote the keys in the order `kubectl get -o yaml` prints them
 * (main/store/yaml.ts).
 */
import { breakableHtml } from '../components/break-points';
import { saveTextFile } from '../components/save-text-file';
import { useMemo } from 'react';
import { CopyButton } from '../components/CopyButton';
import { highlightYaml } from '../components/highlight-yaml';
import { useI18n } from '../i18n/i18n';
import { useRememberedFlag } from '../state/remembered-flag';

/** A file name for the download: kind, namespace and name, with anything a file system may refuse replaced. */
export function yamlFileName(kind: string, name: string, namespace?: string): string {
  const base = [kind.toLowerCase(), namespace, name].filter(Boolean).join('_');
  return `${base.replace(/[^A-Za-z0-9._-]+/g, '-')}.yaml`;
}

export function YamlView({ source, label, fileName }: { source: string; label: string; fileName: string }) {
  const { t } = useI18n();
  // Wrapped lines break at spaces and after '/', '=', ',' or ':', never after a '-' or inside a word (N-D10).
  const html = useMemo(() => {
    const highlighted = highlightYaml(source);
    return highlighted === undefined ? undefined : breakableHtml(highlighted);
  }, [source]);
  const [wrap, setWrap] = useRememberedFlag('kse.yamlWrap', false);
  const onDownload = () => saveTextFile(fileName, source, 'application/yaml');

  return (
    <div className="yaml-view">
      <div className="yaml-toolbar">
        <CopyButton text={source} label={t('yaml.copyLabel', { name: label })} testId="yaml-copy" />
        <button type="button" className="button small" onClick={onDownload} aria-label={t('yaml.downloadLabel', { name: label })} data-testid="yaml-download">
          {t('yaml.download')}
        </button>
        <label className="small-text yaml-wrap">
          <input type="checkbox" checked={wrap} onChange={(e) => setWrap(e.target.checked)} data-testid="yaml-wrap" /> {t('yaml.wrap')}
        </label>
      </div>
      <pre className={wrap ? 'yaml hljs wrap' : 'yaml hljs'} aria-label={t('details.yamlOf', { name: label })} tabIndex={0} translate="no" data-testid="yaml-view" data-wrap={wrap ? 'on' : 'off'}>
        {html === undefined ? <code>{source}</code> : <code dangerouslySetInnerHTML={{ __html: html }} />}
      </pre>
    </div>
  );
}
