/** What the query modules (detail, graph, overview) read from one cluster's store. */
import type { FindingsCache } from './findings-cache';
import type { ObjectStore } from './object-store';
import type { RowCache } from './row-cache';

export interface StoreContext {
  clusterId: string;
  store: ObjectStore;
  /** Flushed before the query runs. */
  findings: FindingsCache;
  rows: RowCache;
  revision: number;
}
