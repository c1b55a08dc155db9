/** Copies a command to the clipboard and says so (or says to copy by hand when the clipboard is refused). */
import { useState } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * `label` is the accessible name when the text is too long to read out (a code block, a YAML document); default
 * "Copy command: <text>". `testId` names it for page objects.
 */
export function CopyButton({ text, label, testId = 'copy-command' }: { text: string; label?: string; testId?: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    const done = (next: 'copied' | 'failed') => {
      setState(next);
      setTimeout(() => setState('idle'), 2000);
    };
    if (!navigator.clipboard) return done('failed');
    navigator.clipboard.writeText(text).then(
      () => done('copied'),
      () => done('failed'),
    );
  };
  return (
    <>
      <button type="button" className="button small" onClick={copy} aria-label={label ?? t('details.copyCommand', { command: text })} data-testid={testId}>
        {state === 'copied' ? t('details.copied') : t('details.copy')}
      </button>
      <span className="sr-only" role="status" aria-live="polite">
        {state === 'copied' ? t('details.copied') : state === 'failed' ? t('details.copyFailed') : ''}
      </span>
      {state === 'failed' && <span className="tone-text-bad small-text">{t('details.copyFailed')}</span>}
    </>
  );
}
