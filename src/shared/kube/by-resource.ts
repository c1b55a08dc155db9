/** Maps each Resource to the plain-JSON type of its objects (derived from the descriptors in resource-registry.ts). */
export type { ObjectsByResource } from './resource-registry';
