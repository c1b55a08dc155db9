/**
 * What both transports of the contract (Electron IPC and the web host) put on the wire around a call, so the
 * renderer sees the same results and the same errors whichever it has. Pure: no electron, no node.
 */
import type { ContractError, ListRows, MethodName, Notice, RendererApi, RequestOf, ResponseOf } from './contract';

/**
 * What a transport (Electron IPC, the web host) needs from the core: one call by method name, and notices.
 * Both transports take this one interface.
 */
export interface CoreEndpoint {
  call(method: string, request: unknown): Promise<CallResult<unknown>>;
  onNotice(listener: (notice: Notice) => void): () => void;
}

/** A call's outcome as it crosses a transport: the value, or a ContractError the user can act on. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: ContractError };

const ERROR_CODES: readonly ContractError['code'][] = ['bad-request', 'not-found', 'unavailable', 'internal', 'unauthorized'];

/**
 * An error that crosses the contract: a message for the user (what happened, what to do) with the contract's
 * code. Thrown by the core's handlers (core/errors.ts makes them) and by the renderer's clients, so both sides
 * have one error class.
 */
export class KseCallError extends Error implements ContractError {
  readonly code: ContractError['code'];
  readonly ru?: string;
  constructor(error: ContractError) {
    super(error.message);
    this.name = 'KseCallError';
    this.code = error.code;
    if (typeof error.ru === 'string') this.ru = error.ru;
  }
}

export function isContractError(value: unknown): value is ContractError {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as Record<string, unknown>;
  return typeof message === 'string' && ERROR_CODES.includes(code as ContractError['code']);
}

/** The value of a result, or throws its error as a KseCallError. Anything malformed is a transport fault. */
export function unwrapResult<T>(result: unknown, method: string): T {
  if (typeof result === 'object' && result !== null && 'ok' in result) {
    const r = result as CallResult<T>;
    if (r.ok) return r.value;
    if (isContractError(r.error)) throw new KseCallError(r.error);
  }
  throw new KseCallError({
    code: 'internal',
    message: `The core sent a malformed answer to ${method}. Reload the window; if it persists, report it.`,
  });
}

/** HTTP header that carries the web host's per-run token on API calls. */
export const TOKEN_HEADER = 'x-kse-token';
/** WebSocket subprotocol the web host speaks; the token travels as a second offered subprotocol. */
export const WS_PROTOCOL = 'kse.v1';
/** The offered subprotocol that carries the token (browsers cannot set headers on a WebSocket). */
export function tokenProtocol(token: string): string {
  return `kse.token.${token}`;
}
/** Path prefix of API calls: POST /api/<method> with the request as the JSON body. */
export const API_PREFIX = '/api/';
/** WebSocket path of pushed notices. */
export const NOTICE_PATH = '/notices';
/** localStorage key of the web host token: shared by the tabs of this origin only (see web-client.ts). */
export const TOKEN_STORAGE_KEY = 'kse.token';

/** HTTP status of a ContractError code. */
export function httpStatusOf(code: ContractError['code']): number {
  switch (code) {
    case 'bad-request':
      return 400;
    case 'unauthorized':
      return 401;
    case 'not-found':
      return 404;
    case 'unavailable':
      return 503;
    case 'internal':
      return 500;
  }
}

/** Sends one call over a transport and returns its unwrapped value (or throws KseCallError). */
export type CallFn = <M extends MethodName>(method: M, request: RequestOf<M>) => Promise<ResponseOf<M>>;

/**
 * The renderer's client object over any transport: one function per contract method. Written out (not built
 * by a loop) so that `satisfies RendererApi` checks each method's name and types against the contract.
 */
export function apiFromCall(call: CallFn, onNotice: (listener: (notice: Notice) => void) => () => void): RendererApi {
  return {
    listClusters: (req) => call('listClusters', req),
    kubeconfigProblems: (req) => call('kubeconfigProblems', req),
    openCluster: (req) => call('openCluster', req),
    closeCluster: (req) => call('closeCluster', req),
    openSnapshot: (req) => call('openSnapshot', req),
    clusterStatus: (req) => call('clusterStatus', req),
    controlReplay: (req) => call('controlReplay', req),
    addNamespace: (req) => call('addNamespace', req),
    listRows: ((req) => call('listRows', req)) as ListRows,
    locateRow: (req) => call('locateRow', req),
    getObject: (req) => call('getObject', req),
    getProvisioner: (req) => call('getProvisioner', req),
    getGraph: (req) => call('getGraph', req),
    getOverview: (req) => call('getOverview', req),
    listFindings: (req) => call('listFindings', req),
    getUsage: (req) => call('getUsage', req),
    getUsageHistory: (req) => call('getUsageHistory', req),
    getUsageSettings: (req) => call('getUsageSettings', req),
    setUsageSettings: (req) => call('setUsageSettings', req),
    getReport: (req) => call('getReport', req),
    exportSnapshot: (req) => call('exportSnapshot', req),
    getFleet: (req) => call('getFleet', req),
    setFleetChoices: (req) => call('setFleetChoices', req),
    getLessons: (req) => call('getLessons', req),
    listExercises: (req) => call('listExercises', req),
    checkExercise: (req) => call('checkExercise', req),
    about: (req) => call('about', req),
    onNotice,
  } satisfies RendererApi;
}
