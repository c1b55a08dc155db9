/**
 * The store probe (store-probe.ts) alone, against a lab that is already seeded and running (e.g. one whose
 * `npm run bench` is still timing kubectl at a large N): reads the server, CA and lab-admin's token from the
 * lab's kubeconfig and prints the probe's figures as JSON. For a size whose timed runs would not fit the time at
 * hand; the table's store columns come from `npm run bench` itself.
 *
 *   npx tsx scripts/bench/probe-only.ts /tmp/kse-lab-XXXX/kubeconfig 25000
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { KubeClient } from '../../e2e/cluster/kube';
import { probeStore } from './store-probe';

interface LabKubeconfig {
  clusters: { cluster: { server: string; 'certificate-authority-data': string } }[];
  users: { name: string; user: { token: string } }[];
}

const [kubeconfigPath, nText] = process.argv.slice(2);
if (!kubeconfigPath || !nText) {
  process.stderr.write('Usage: npx tsx scripts/bench/probe-only.ts <lab kubeconfig> <N>\n');
  process.exit(2);
}
const config = parse(readFileSync(kubeconfigPath, 'utf8')) as LabKubeconfig;
const cluster = config.clusters[0]?.cluster;
const token = config.users.find((u) => u.name === 'lab-admin')?.user.token;
if (!cluster || !token) throw new Error(`${kubeconfigPath} is not a lab kubeconfig (no cluster or no lab-admin token).`);
const client = new KubeClient(cluster.server, token, Buffer.from(cluster['certificate-authority-data'], 'base64').toString('utf8'));
const n = Number(nText);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const probe = await probeStore({ kubeconfigPath, resourcesDir: join(root, 'resources'), client, n, timeoutMs: Math.max(60, Math.ceil(n / 50)) * 1000 * 5 });
process.stdout.write(`${JSON.stringify(probe, null, 1)}\n`);
