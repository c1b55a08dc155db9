/**
 * Size limits, one constant per purpose, shared by every place that enforces one (the snapshot parser, the
 * contract's validation, the web host, the desktop menu and the CLI), so that they cannot disagree.
 */

/** Largest snapshot or recording file, in bytes (its text then has at most this many characters). */
export const SNAPSHOT_MAX_BYTES = 256 * 1024 * 1024;

/** Largest body of a web API call other than openSnapshot: every other request is a few hundred bytes. */
export const API_REQUEST_MAX_BYTES = 64 * 1024;

/**
 * Largest body of openSnapshot over the web host: the file's text travels inside a JSON string, where escaping
 * (`"` and `\` and line breaks become two characters) at most doubles a valid JSON file; plus the file name.
 */
export const SNAPSHOT_REQUEST_MAX_BYTES = 2 * SNAPSHOT_MAX_BYTES + API_REQUEST_MAX_BYTES;

/**
 * Longest name, namespace or uid of an object that a snapshot may hold and a request may name. A live API server
 * allows 253 characters and DNS-label namespaces, but a snapshot is a file: anything it holds is listed, so
 * anything listed must be openable. Longer ones are refused when the file is read.
 */
export const OBJECT_KEY_MAX_CHARS = 4096;

/** Largest message the web host accepts on its notice socket (the page only listens). */
export const NOTICE_SOCKET_MAX_BYTES = 1024;

/** The body limit of one web API method. */
export function requestMaxBytes(method: string): number {
  return method === 'openSnapshot' ? SNAPSHOT_REQUEST_MAX_BYTES : API_REQUEST_MAX_BYTES;
}
