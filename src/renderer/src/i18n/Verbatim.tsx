/**
 * Text from the cluster shown as it is: object names, namespaces, messages, quantities, YAML, commands,
 * field paths. It is marked translate="no", so browser translators leave it alone and the Russian text scan of
 * the journeys skips it; everything else on screen goes through the i18n layer.
 */
import type { ReactNode } from 'react';

export function Verbatim({ children, className, title }: { children: ReactNode; className?: string; title?: string }) {
  return (
    <span translate="no" className={className} title={title}>
      {children}
    </span>
  );
}
