/** Errors of the core: each says what happened and what to do, and maps to a ContractError for the UI. */
import type { ContractError } from '../../shared/contract';

export class CoreError extends Error implements ContractError {
  readonly code: ContractError['code'];
  constructor(code: ContractError['code'], message: string) {
    super(message);
    this.name = 'CoreError';
    this.code = code;
  }
}

export const badRequest = (message: string): CoreError => new CoreError('bad-request', message);
export const notFound = (message: string): CoreError => new CoreError('not-found', message);
export const unavailable = (message: string): CoreError => new CoreError('unavailable', message);

/**
 * Any thrown value as a ContractError. Errors other than CoreError are unexpected: their message is kept (the
 * kube and store code write messages for users) but marked internal, with the method named for a bug report.
 */
export function toContractError(error: unknown, method: string): ContractError {
  if (error instanceof CoreError) return { code: error.code, message: error.message };
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
