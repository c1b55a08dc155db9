/** One open cluster's findings and provisioner verdicts, every page, as `kse doctor` prints them. */
import type { Core } from '../../main/core/core';
import type { Finding } from '../../shared/model/findings';
import type { Page, ProvisionerRow } from '../../shared/model/rows';

/** Every page of a paged query. */
export async function allPages<T>(fetchPage: (offset: number) => Promise<{ total: number; rows: T[] }>): Promise<T[]> {
  const rows: T[] = [];
  for (;;) {
    const page = await fetchPage(rows.length);
    rows.push(...page.rows);
    if (page.rows.length === 0 || rows.length >= page.total) return rows;
  }
}

export interface Diagnosis {
  findings: Finding[];
  provisioners: ProvisionerRow[];
}

/** Findings (of one namespace when given) and provisioner verdicts of an open, synced cluster. */
export async function diagnosisOf(core: Core, clusterId: string, namespace?: string): Promise<Diagnosis> {
  const findings: Finding[] = await allPages((offset) =>
    core.invoke('listFindings', { clusterId, offset, limit: 1000, ...(namespace ? { namespace } : {}) }),
  );
  // invoke() types listRows by the contract table, not by the table asked for: the provisioners table gives ProvisionerRow.
  const provisioners = await allPages(
    (offset) => core.invoke('listRows', { clusterId, table: 'provisioners', offset, limit: 1000 }) as Promise<Page<ProvisionerRow>>,
  );
  return { findings, provisioners };
}
