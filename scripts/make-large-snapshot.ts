/**
 * Writes the large test cluster (3,013 claims, src/main/store/testing/large-cluster.ts) as a kse snapshot file, to
 * try the overview and the tables at scale by hand: open it in `kse web` with "Open snapshot" or by dropping it.
 *
 *   npx tsx scripts/make-large-snapshot.ts [out.json]     (default: test-results/large-3013-claims.json)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { largeSnapshot } from '../src/main/store/testing/large-cluster';

const out = resolve(process.argv[2] ?? 'test-results/large-3013-claims.json');
mkdirSync(dirname(out), { recursive: true });
const snapshot = largeSnapshot();
writeFileSync(out, JSON.stringify(snapshot));
const count = Object.values(snapshot.kinds).reduce((sum, kind) => sum + (kind?.items.length ?? 0), 0);
console.log(`Wrote ${out}: ${count} objects (${snapshot.kinds.persistentvolumeclaims?.items.length ?? 0} claims).`);
