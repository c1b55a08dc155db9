/** `kse doctor`: findings (problems first) and provisioner verdicts of a context or a snapshot file. */
import { basename } from 'node:path';
import { doctorExitCode, formatDoctor } from '../../shared/doctor-format';
import type { Finding } from '../../shared/model/findings';
import { plainText } from '../../shared/verbatim';
import type { Page, ProvisionerRow } from '../../shared/model/rows';
import type { CommandNamed } from '../args';
import { chooseContext, openAndSync, syncContext } from '../open-and-sync';
import { CliFailure, type CliRuntime } from '../runtime';
import { json } from './json';
import { withCore } from './with-core';

/** Every page of a paged query. */
async function allPages<T>(fetchPage: (offset: number) => Promise<{ total: number; rows: T[] }>): Promise<T[]> {
  const rows: T[] = [];
  for (;;) {
    const page = await fetchPage(rows.length);
    rows.push(...page.rows);
    if (page.rows.length === 0 || rows.length >= page.total) return rows;
  }
}

export async function runDoctor(runtime: CliRuntime, command: CommandNamed<'doctor'>): Promise<number> {
  return withCore(runtime, async (core) => {
    let clusterId: string;
    let clusterName: string;
    if (command.snapshot) {
      let content: string;
      try {
        content = await runtime.readFile(command.snapshot);
      } catch (error) {
        throw new CliFailure(`Cannot read ${command.snapshot}: ${error instanceof Error ? error.message : String(error)}`, 2);
      }
      const opened = await core.call('openSnapshot', { fileName: basename(command.snapshot), content });
      if (!opened.ok) throw new CliFailure(opened.error.message, 2);
      const info = opened.value as { id: string; name: string };
      const { status } = await openAndSync(core, runtime, info.id, command.timeoutSeconds);
      clusterId = info.id;
      clusterName = status.cluster.name;
    } else {
      const context = await chooseContext(runtime, command.context);
      const { status } = await syncContext(core, runtime, context, command.timeoutSeconds);
      clusterId = status.cluster.id;
      clusterName = context;
      // One round of volume usage (one call per node, if get nodes/proxy is allowed), for its findings.
      await core.registry.get(clusterId).pollUsage();
    }
    const namespace = command.namespace;
    const findings: Finding[] = await allPages((offset) =>
      core.invoke('listFindings', { clusterId, offset, limit: 1000, ...(namespace ? { namespace } : {}) }),
    );
    // invoke() types listRows by the contract table, not by the table asked for: the provisioners table gives ProvisionerRow.
    const provisioners = await allPages(
      (offset) => core.invoke('listRows', { clusterId, table: 'provisioners', offset, limit: 1000 }) as Promise<Page<ProvisionerRow>>,
    );
    const report = { cluster: clusterName, findings, provisioners };
    const colour = !command.json && runtime.io.isTTY;
    // Scripts read plain strings: the isolate marks around cluster values (shared/verbatim.ts) are for the UI.
    const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_, v: unknown) => (typeof v === 'string' ? plainText(v) : v)));
    runtime.io.out(command.json ? json(plain(report)) : formatDoctor(report, { lang: command.lang, color: colour }), { ownColours: colour });
    return doctorExitCode(findings);
  });
}
