/**
 * Unit-test setup (vitest.config.ts): every finding any rule builds in any unit test goes through this check, so
 * the rule tests of every finding code (and the lab capture) also prove the evidence shape of evidence-shape.ts:
 * a finding with a sentence for a label, no value or no source fails the test that produced it; so does a fix
 * command that a shell would read otherwise than its words, or that lists every namespace without a selector
 * (fix-commands.ts), and a step worded as a fix whose command only reads (fix-step-verbs.ts).
 */
import { vi } from 'vitest';
import type { Finding } from '../../model/findings';
import type * as FindingModule from '../finding';

vi.mock('../finding', async (importOriginal) => {
  const original = await importOriginal<typeof FindingModule>();
  const { findingEvidenceProblems } = await import('../evidence-shape');
  const { fixCommandProblems } = await import('../fix-commands');
  const { readOnlyFixProblems } = await import('../fix-step-verbs');
  return {
    ...original,
    finding: (input: Parameters<typeof original.finding>[0]): Finding => {
      const built = original.finding(input);
      const problems = findingEvidenceProblems(built);
      if (problems.length > 0) throw new Error(`Malformed evidence:\n${problems.join('\n')}`);
      const commandProblems = [...fixCommandProblems(built), ...readOnlyFixProblems(built)];
      if (commandProblems.length > 0) throw new Error(`Fix commands not aimed at the cause:\n${commandProblems.join('\n')}`);
      return built;
    },
  };
});
