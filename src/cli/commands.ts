/** The `kse` commands. Each returns its exit code; failures the user can act on are thrown as CliFailure. */
import { basename } from 'node:path';
import { doctorExitCode, formatDoctor } from '../shared/doctor-format';
import { plainText } from '../shared/verbatim';
import type { Finding } from '../shared/model/findings';
import type { Page, ProvisionerRow } from '../shared/model/rows';
import type { Core } from '../main/core/core';
import { snapshotOf } from '../main/core/export';
import { describeRedaction } from '../main/kube/export-snapshot';
import { startWebHost } from '../main/host/web/server';
import type { CliCommand } from './args';
import { contextsJson, formatContexts, formatKubeconfigProblems, formatSync, syncJson } from './format';
import { CliFailure, type CliRuntime } from './runtime';
import { chooseContext, openAndSync, syncContext } from './sync';

type Command<N extends CliCommand['name']> = Extract<CliCommand, { name: N }>;

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Closing takes a moment (watches end, a credential plugin is killed); the command's answer does not wait longer. */
const CLOSE_TIMEOUT_MS = 5_000;

async function withCore<T>(runtime: CliRuntime, work: (core: Core) => Promise<T>): Promise<T> {
  const core = await runtime.createCore({ autoOpenDemo: false });
  try {
    return await work(core);
  } finally {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([core.close().catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_TIMEOUT_MS)))]);
    clearTimeout(timer);
  }
}

/** Exit code 1 when a kubeconfig file could not be read: its contexts are missing from the list. */
export async function runContexts(runtime: CliRuntime, command: Command<'contexts'>): Promise<number> {
  return withCore(runtime, async (core) => {
    const clusters = (await core.invoke('listClusters', {})).filter((c) => c.source === 'context');
    const problems = await core.invoke('kubeconfigProblems', {});
    const current = await runtime.currentContext();
    runtime.io.out(command.json ? json(contextsJson(clusters, current, problems)) : formatContexts(clusters, current, problems));
    if (!command.json) runtime.io.err(formatKubeconfigProblems(problems));
    return problems.length > 0 ? 1 : 0;
  });
}

export async function runSync(runtime: CliRuntime, command: Command<'sync'>): Promise<number> {
  const context = await chooseContext(runtime, command.context);
  return withCore(runtime, async (core) => {
    const result = await syncContext(core, runtime, context, command.timeoutSeconds);
    runtime.io.out(command.json ? json(syncJson(result)) : formatSync(result));
    return 0;
  });
}

export async function runSnapshot(runtime: CliRuntime, command: Command<'snapshot'>): Promise<number> {
  const context = await chooseContext(runtime, command.context);
  return withCore(runtime, async (core) => {
    const { status } = await syncContext(core, runtime, context, command.timeoutSeconds);
    const snapshot = snapshotOf(core.registry.get(status.cluster.id));
    try {
      await runtime.writeFile(command.output, `${JSON.stringify(snapshot)}\n`);
    } catch (error) {
      throw new CliFailure(`Cannot write ${command.output}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const objects = Object.values(snapshot.kinds).reduce((sum, kind) => sum + (kind?.items.length ?? 0), 0);
    runtime.io.err(`Wrote ${objects} objects of ${context} to ${command.output}. Kept only the fields kse reads; ${describeRedaction(snapshot)}.\n`);
    return 0;
  });
}

/** Every page of a paged query. */
async function allPages<T>(fetchPage: (offset: number) => Promise<{ total: number; rows: T[] }>): Promise<T[]> {
  const rows: T[] = [];
  for (;;) {
    const page = await fetchPage(rows.length);
    rows.push(...page.rows);
    if (page.rows.length === 0 || rows.length >= page.total) return rows;
  }
}

export async function runDoctor(runtime: CliRuntime, command: Command<'doctor'>): Promise<number> {
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
    const plain = (report: unknown): unknown => JSON.parse(JSON.stringify(report, (_, v: unknown) => (typeof v === 'string' ? plainText(v) : v)));
    runtime.io.out(command.json ? json(plain(report)) : formatDoctor(report, { lang: command.lang, color: colour }), { ownColours: colour });
    return doctorExitCode(findings);
  });
}

export async function runWeb(runtime: CliRuntime, command: Command<'web'>): Promise<number> {
  const core = await runtime.createCore({ autoOpenDemo: true });
  let host;
  try {
    host = await startWebHost({ core, rendererDir: runtime.rendererDir, ...(command.port !== undefined ? { port: command.port } : {}) });
  } catch (error) {
    await core.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliFailure(`Cannot start the web host on 127.0.0.1${command.port ? `:${command.port}` : ''}: ${reason}. Pick another --port.`);
  }
  runtime.io.out(`Kube Storage Explorer is serving on 127.0.0.1. Open this URL (it carries this run's access token):\n\n  ${host.url}\n\nPress Ctrl+C to stop.\n`);
  const cleanUp = command.open ? runtime.openBrowser(host.url) : undefined;
  await runtime.untilInterrupted();
  cleanUp?.();
  await host.close();
  await core.close();
  return 0;
}
