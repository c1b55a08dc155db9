/**
 * Text from the cluster with its bidirectional controls shown as visible marks (⟨RLO⟩...) instead of being
 * obeyed: an override in a name or a command would make it read differently from what it is ("Trojan
 * Source"). Text without any renders as it is; the rest is isolated (<bdi>) from what surrounds it.
 */
import { Fragment } from 'react';
import { splitBidiControls } from '../../../shared/terminal-text';
import { useI18n } from '../i18n/i18n';

export function BidiText({ text }: { text: string }) {
  const { t } = useI18n();
  const pieces = splitBidiControls(text);
  if (pieces.length === 1 && 'text' in pieces[0]!) return <>{text}</>;
  return (
    <bdi>
      {pieces.map((piece, i) =>
        'text' in piece ? (
          <Fragment key={i}>{piece.text}</Fragment>
        ) : (
          <mark key={i} className="bidi-mark" data-testid="bidi-mark" title={t('text.bidiControl', { name: piece.name })}>
            ⟨{piece.name}⟩
          </mark>
        ),
      )}
    </bdi>
  );
}
