/**
 * Open a snapshot file from a button or by dropping it anywhere on the window. The file is read here
 * (File.text()) and its content is sent; the core never gets a path from the renderer.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../api/api-context';
import { keys } from '../api/queries';
import { errorText } from '../components/StateMessage';
import { useI18n, type MessageKey, type Params } from '../i18n/i18n';
import { Verbatim } from '../i18n/Verbatim';
import { openClusterIn, useView } from '../state/view-store';

/** How long a toast stays (ms). */
export const TOAST_MS = 5000;
export const TOAST_ERROR_MS = 15_000;

function useOpenSnapshot() {
  const api = useApi();
  const client = useQueryClient();
  const { update } = useView();
  const { t, lang } = useI18n();
  // The message is kept as key and values, so it follows a language switch and shows the file name verbatim.
  const [message, setMessage] = useState<{ key: MessageKey; params: Params; error: boolean }>();
  // A toast clears itself: a success after a few seconds, an error after long enough to read it.
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(undefined), message.error ? TOAST_ERROR_MS : TOAST_MS);
    return () => clearTimeout(timer);
  }, [message]);
  const open = useCallback(
    async (file: File) => {
      try {
        const content = await file.text();
        const cluster = await api.openSnapshot({ fileName: file.name, content });
        await client.invalidateQueries({ queryKey: keys.clusters() });
        update((s) => openClusterIn(s, cluster.id, 0));
        setMessage({ key: 'app.snapshotOpened', params: { name: file.name }, error: false });
      } catch (e) {
        setMessage({ key: 'app.snapshotFailed', params: { name: file.name, error: errorText(e, lang) }, error: true });
      }
    },
    [api, client, update, lang],
  );
  return { open, message, dismiss: () => setMessage(undefined) };
}

export function SnapshotOpener() {
  const { t, tr } = useI18n();
  const { open, message, dismiss } = useOpenSnapshot();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const onDragOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(true);
    };
    const onDragLeave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file) void open(file);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [open]);

  return (
    <>
      <button type="button" className="button" title={t('app.openSnapshotHint')} onClick={() => input.current?.click()} data-testid="open-snapshot">
        {t('app.openSnapshot')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,.yaml,.yml,.gz,application/json"
        hidden
        data-testid="snapshot-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void open(file);
          e.target.value = '';
        }}
      />
      <span
        className={message?.error ? 'toast tone-text-bad' : 'toast'}
        role="status"
        aria-live="polite"
        data-testid="snapshot-message"
        title={message ? t(message.key, message.params) : undefined}
      >
        {message && tr(message.key, { ...message.params, name: <Verbatim>{message.params['name']}</Verbatim> })}
      </span>
      {message && (
        <button type="button" className="icon-button small toast-dismiss" aria-label={t('app.dismiss')} title={t('app.dismiss')} onClick={dismiss} data-testid="snapshot-message-dismiss">
          <span aria-hidden="true">×</span>
        </button>
      )}
      {dragging && (
        <div className="drop-overlay" data-testid="drop-overlay">
          {t('app.dropHint')}
        </div>
      )}
    </>
  );
}
