/** Errors of the core: each says what happened and what to do, and maps to a ContractError for the UI. */
import type { ContractError } from '../../shared/contract';
import { KseCallError } from '../../shared/transport';

/** The core's errors are the contract's one error class (shared/transport.ts), made by these helpers. */
export { KseCallError };

/** `ru`: the message in Russian, where the core words it (ContractError.ru). */
export const badRequest = (message: string, ru?: string): KseCallError => new KseCallError({ code: 'bad-request', message, ...(ru ? { ru } : {}) });
export const notFound = (message: string, ru?: string): KseCallError => new KseCallError({ code: 'not-found', message, ...(ru ? { ru } : {}) });
export const unavailable = (message: string, ru?: string): KseCallError => new KseCallError({ code: 'unavailable', message, ...(ru ? { ru } : {}) });

/**
 * Any thrown value as a ContractError. Errors other than KseCallError are unexpected: their message is kept (the
 * kube and store code write messages for users) but marked internal, with the method named for a bug report.
 */
export function toContractError(error: unknown, method: string): ContractError {
  if (error instanceof KseCallError) return { code: error.code, message: error.message, ...(error.ru ? { ru: error.ru } : {}) };
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: 'internal',
    message: `${method} failed: ${message || 'unknown error'}. Try again; if it keeps failing, report it with this message.`,
  };
}

/** The message of any thrown value. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
