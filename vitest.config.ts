import { defineConfig } from 'vitest/config';

// Tests are grouped by what they prove: unit (pure, fast), integration (the core against the real local
// control plane), cluster (the control plane itself). Browser journeys run with Playwright (e2e/).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
          // Timeouts catch hangs, not slowness: a loaded two-core machine can take seconds for a big table test.
          testTimeout: 60_000,
          setupFiles: ['src/renderer/src/testing/unit-setup.ts', 'src/shared/diagnose/testing/evidence-guard.ts'],
        },
      },
      {
        test: {
          name: 'cluster',
          include: ['e2e/cluster/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          // Bounded, seeded fuzzing of the file loaders and the CLI (FUZZ_SEED, FUZZ_SECONDS; about a minute).
          name: 'fuzz',
          include: ['e2e/fuzz/**/*.test.ts'],
          testTimeout: 600_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          // The chaos soak (e2e/soak): minutes of churn and faults on the lab; SOAK_SECONDS, SOAK_SEED.
          name: 'soak',
          include: ['e2e/soak/**/*.test.ts'],
          testTimeout: 1_800_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts', 'e2e/integration/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
