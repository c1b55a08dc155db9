/**
 * Keeps the diagnosis integration tests honest as codes are added: every finding code of the catalog is either
 * asserted on the lab by a test in this folder, or listed, with the reason, in a test file's "Not producible
 * here" header (and then covered by the fixture-based unit tests). Reads the test sources; needs no lab.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_FINDING_CODES } from '../../../src/shared/diagnose';

const CODE = /\b(?:claim|volume|pod|class|node|statefulset|snapshot)\.[a-z]+(?:-[a-z]+)*\b/g;
const sources = readdirSync(__dirname)
  .filter((f) => f.endsWith('.test.ts') && f !== 'coverage.test.ts')
  .map((f) => readFileSync(join(__dirname, f), 'utf8'));

/** Codes named in the "Not producible here" part of a file's header comment. */
function listedAsNotProducible(source: string): string[] {
  const header = source.slice(0, source.indexOf('*/'));
  const start = header.indexOf('Not producible here');
  return start < 0 ? [] : [...header.slice(start).matchAll(CODE)].map((m) => m[0]);
}

/** Codes quoted in the code of a file (assertions such as waitFor(ref, 'claim.lost')), outside its header. */
function asserted(source: string): string[] {
  const body = source.slice(source.indexOf('*/') + 2);
  return [...body.matchAll(/'((?:claim|volume|pod|class|node|statefulset|snapshot)\.[a-z-]+)'/g)].map((m) => m[1]!);
}

describe('diagnosis integration coverage', () => {
  const listed = new Set(sources.flatMap(listedAsNotProducible));
  const tested = new Set(sources.flatMap(asserted));

  it('asserts every finding code on the lab or says why it cannot be produced there', () => {
    const missing = ALL_FINDING_CODES.filter((code) => !listed.has(code) && !tested.has(code));
    expect(missing, 'codes neither tested on the lab nor listed as not producible').toEqual([]);
  });

  it('lists only real codes, and none that a test does produce', () => {
    const known = new Set<string>(ALL_FINDING_CODES);
    expect([...listed].filter((code) => !known.has(code))).toEqual([]);
    // (Quoted prefixes such as 'pod.init' in startsWith() are not codes and are not counted as tests.)
    expect([...tested].filter((code) => known.has(code)).length).toBeGreaterThan(ALL_FINDING_CODES.length / 2);
    expect([...listed].filter((code) => tested.has(code)), 'listed as not producible, yet asserted').toEqual([]);
  });
});
