/**
 * `kse df`: how full each volume is, from the kubelets' /stats/summary through the API server's node proxy (one
 * call per node), as `kubectl df-pv` reads it. Exits 1 when a volume is at or over the problem threshold (95 %, or
 * the one set in the app),
 * 2 when usage cannot be read at all (no permission to get nodes/proxy, a file source).
 */
import type { PersistentVolumeClaim } from '../../shared/kube/objects';
import { dfExitCode, dfRows, formatDf } from '../../shared/usage/df-format';
import { plainText } from '../../shared/verbatim';
import type { CommandNamed } from '../args';
import { formatTable } from '../format';
import { chooseContext, syncContext } from '../open-and-sync';
import { CliFailure, type CliRuntime } from '../runtime';
import { json } from './json';
import { withCore } from './with-core';

const NO_PERMISSION = {
  en: 'No permission to read usage',
  ru: 'Нет прав на чтение заполнения томов',
};

export async function runDf(runtime: CliRuntime, command: CommandNamed<'df'>): Promise<number> {
  return withCore(runtime, async (core) => {
    const context = await chooseContext(runtime, command.context);
    const { status } = await syncContext(core, runtime, context, command.timeoutSeconds);
    const session = core.registry.get(status.cluster.id);
    const full = await session.pollUsage();
    const report = command.namespace === undefined ? full : { ...full, volumes: full.volumes.filter((v) => v.namespace === command.namespace) };
    if (report.access === 'forbidden' || report.access === 'error' || report.access === 'unsupported') {
      const head = report.access === 'forbidden' ? `${NO_PERMISSION[command.lang]}: ` : '';
      if (command.json) runtime.io.out(json({ cluster: context, access: report.access, message: report.message ?? '', nodes: [], volumes: [] }));
      throw new CliFailure(`${head}${plainText(report.message ?? 'usage cannot be read from this source.')}`, 2);
    }
    const pvByClaim = new Map<string, string>();
    for (const claim of session.store.list('persistentvolumeclaims') as PersistentVolumeClaim[]) {
      if (claim.spec?.volumeName) pvByClaim.set(`${claim.metadata?.namespace ?? ''}/${claim.metadata?.name ?? ''}`, claim.spec.volumeName);
    }
    const rows = dfRows(report, (namespace, claim) => pvByClaim.get(`${namespace}/${claim}`), command.sort);
    if (command.json) {
      runtime.io.out(json({ cluster: context, access: report.access, intervalMs: report.intervalMs, nodes: report.nodes, volumes: rows }));
    } else {
      runtime.io.out(formatDf(report, rows, command.lang, formatTable));
    }
    // The problem threshold the user set in the app (usage.json), else 95 %.
    return dfExitCode(rows, core.registry.usageSettings().problemPercent);
  });
}
