/**
 * An object of a kind this app does not show (a StatefulSet, a ReplicaSet... named by an event): its kind/name as
 * the cluster spells it, plain text rather than a link (there is nothing to open), with a title saying so and how
 * to look at it instead. Cluster-sourced text: never machine-translated.
 */
import type { ReactNode } from 'react';
import type { UnmodeledRef } from '../../../shared/model/rows';
import { useI18n, type Translate } from '../i18n/i18n';
import { BidiText } from './BidiText';

/** "StatefulSet/shop/web": the kind as the event spells it, then namespace/name. */
export function unmodeledText(ref: UnmodeledRef): string {
  return `${ref.kind}/${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

/** The title: this app does not show that kind; kubectl does. */
export function unmodeledTitle(ref: UnmodeledRef, t: Translate): string {
  const ns = ref.namespace ? ` -n ${ref.namespace}` : '';
  return t('object.unmodeled', { kind: ref.kind, command: `kubectl${ns} describe ${ref.kind.toLowerCase()} ${ref.name}` });
}

export function UnmodeledObject({ target, children }: { target: UnmodeledRef; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <span className="object-unmodeled" translate="no" data-testid="object-unmodeled" data-kind={target.kind} data-name={target.name} title={unmodeledTitle(target, t)}>
      {children ?? <BidiText text={unmodeledText(target)} />}
    </span>
  );
}
