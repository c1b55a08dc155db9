/**
 * The shape of one diagnosis rule (rules.ts lists them): apart from the reach vocabulary (reach.ts), which the
 * provisioner assessment also uses, so that the rules' context (context.ts) and the vocabulary do not import each other.
 */
import type { ObjectsByResource } from '../kube/resource-registry';
import type { Finding } from '../model/findings';
import type { DiagnoseContext } from './context';
import type { DiagnosedKind, Reads } from './reach';

/**
 * One rule: the findings it gives one object of its subject kind, and what it reads (see `Reads`). The rules of a
 * kind run in the order rules.ts lists them.
 */
export interface Rule<K extends DiagnosedKind = DiagnosedKind> {
  /** Stable name, for tests. */
  readonly name: string;
  readonly subject: K;
  readonly run: (ctx: DiagnoseContext, object: ObjectsByResource[K]) => Finding[];
  readonly reads: Reads;
}
