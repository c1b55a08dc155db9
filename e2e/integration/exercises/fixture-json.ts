/** Fixture files written one object per line: compact, and a recapture still diffs object by object. */
import type { FixtureObjects } from '../../../src/shared/diagnose/testing/fixture-view';

interface Capture {
  capturedAt: string;
  objects: FixtureObjects;
}

function captureJson(capture: Capture): string {
  const kinds = Object.entries(capture.objects).map(([kind, items]) => `   ${JSON.stringify(kind)}: [\n${(items as unknown[]).map((o) => `    ${JSON.stringify(o)}`).join(',\n')}\n   ]`);
  return `{\n  "capturedAt": ${JSON.stringify(capture.capturedAt)},\n  "objects": {\n${kinds.join(',\n')}\n  }\n }`;
}

export function fixtureJson(exercise: string, captures: Record<'start' | 'failing' | 'passing', Capture>): string {
  const parts = (['start', 'failing', 'passing'] as const).map((k) => ` ${JSON.stringify(k)}: ${captureJson(captures[k])}`);
  return `{\n "exercise": ${JSON.stringify(exercise)},\n${parts.join(',\n')}\n}\n`;
}
