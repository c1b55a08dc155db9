/** Writes the 2,000-claim-namespace snapshot (src/main/store/testing/graph-scale-cluster.ts) to a file, for `kse web`. */
import { writeFileSync } from 'node:fs';
import { graphScaleSnapshot } from '../src/main/store/testing/graph-scale-cluster';

const out = process.argv[2] ?? 'graph-scale-2000.json';
writeFileSync(out, JSON.stringify(graphScaleSnapshot()));
process.stdout.write(`${out}\n`);
