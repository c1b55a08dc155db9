/** Loading, empty and error states that say what is happening and what to do next. */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import type { Lang } from '../../../shared/model/findings';

export interface StateMessageProps {
  kind: 'loading' | 'empty' | 'error';
  /** Translated; cluster values inside it as <Verbatim> (see useI18n().tr). */
  text: ReactNode;
  /** For errors: the message from the core, which already says what happened and what to do. */
  detail?: string;
  onRetry?: () => void;
}

export function StateMessage({ kind, text, detail, onRetry }: StateMessageProps) {
  const { t } = useI18n();
  return (
    <div
      className={`state-message state-${kind}`}
      role={kind === 'error' ? 'alert' : 'status'}
      aria-live={kind === 'error' ? 'assertive' : 'polite'}
      aria-busy={kind === 'loading'}
      data-testid={`state-${kind}`}
    >
      {kind === 'loading' && <span className="spinner" aria-hidden="true" />}
      <div>
        <div className="state-text">{text}</div>
        {detail && <div className="state-detail">{detail}</div>}
        {onRetry && (
          <button type="button" className="button" onClick={onRetry}>
            {t('state.retry')}
          </button>
        )}
      </div>
    </div>
  );
}

/** Turns anything thrown across the contract into a message. */
export function errorText(error: unknown, lang: Lang): string {
  // The core's Russian wording, where it has one (ContractError.ru); its English message otherwise.
  if (lang === 'ru' && typeof error === 'object' && error && 'ru' in error && typeof error.ru === 'string' && error.ru) return error.ru;
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error && 'message' in error && typeof error.message === 'string') return error.message;
  return String(error);
}
