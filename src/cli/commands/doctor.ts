/**
 * `kse doctor`: findings (problems first) and provisioner verdicts of a context or a snapshot file, as text for the
 * terminal, JSON, or a report file (`--format markdown|html`, redacted as a snapshot is) written to stdout.
 */
import { basename } from 'node:path';
import { doctorExitCode, formatDoctor } from '../../shared/doctor-format';
import type { CommandNamed } from '../args';
import { chooseContext, openAndSync, syncContext } from '../open-and-sync';
import { CliFailure, type CliRuntime } from '../runtime';
import type { Core } from '../../main/core/core';
import { SHORT_NAME_OF_RESOURCE, DESCRIPTOR_OF_RESOURCE } from '../../shared/kube/resource-registry';
import type { ObjectRef } from '../../shared/model/refs';
import { diagnosisOf, type Diagnosis } from './diagnosis';
import { runDoctorContexts } from './doctor-contexts';
import { plainJson } from './json';
import { withCore } from './with-core';

/** One object's findings (its details' findings, usage ones included); exit 2 when the cluster has no such object. */
async function objectDiagnosis(core: Core, clusterId: string, clusterName: string, ref: ObjectRef): Promise<Diagnosis> {
  const detail = await core.invoke('getObject', { clusterId, ref });
  if (!detail) {
    const where = ref.namespace ? ` in namespace ${ref.namespace}` : '';
    const short = SHORT_NAME_OF_RESOURCE[ref.kind];
    throw new CliFailure(`${clusterName} has no ${DESCRIPTOR_OF_RESOURCE[ref.kind].kind} named ${ref.name}${where}. List them with: kubectl get ${short}${ref.namespace ? ` -n ${ref.namespace}` : ''}`, 2);
  }
  return { findings: detail.findings, provisioners: [] };
}

export async function runDoctor(runtime: CliRuntime, command: CommandNamed<'doctor'>): Promise<number> {
  if (command.contexts) return runDoctorContexts(runtime, command, command.contexts);
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
    const { findings, provisioners } = command.object ? await objectDiagnosis(core, clusterId, clusterName, command.object) : await diagnosisOf(core, clusterId, command.namespace);
    if (command.format !== 'text') {
      // The report file: made by the core from the cluster's redacted snapshot (what getReport gives the app).
      const scope = command.object ? { object: command.object } : command.namespace ? { namespace: command.namespace } : {};
      const file = await core.invoke('getReport', { clusterId, ...scope, format: command.format, lang: command.lang });
      runtime.io.out(file.content);
      return doctorExitCode(findings);
    }
    const report = { cluster: clusterName, findings, provisioners };
    const colour = !command.json && runtime.io.isTTY;
    runtime.io.out(command.json ? plainJson(report) : formatDoctor(report, { lang: command.lang, color: colour }), { ownColours: colour });
    return doctorExitCode(findings);
  });
}
