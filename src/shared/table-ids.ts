/**
 * The tables the UI can list. Apart from rows.ts (which declares each table's row type) so that the resource
 * descriptors (shared/kube) can name their table without importing the row types, which import them back.
 */
export const TABLE_IDS = ['claims', 'volumes', 'classes', 'provisioners', 'pods', 'snapshots', 'nodes', 'capacities', 'attributesclasses', 'events'] as const;

export type TableId = (typeof TABLE_IDS)[number];
