/** Maps each Kind to the plain-JSON type of its objects (derived from the descriptors in kinds.ts). */
export type { ObjectsByKind } from './kinds';
