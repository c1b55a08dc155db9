/**
 * Set up for the unit project (vitest.config.ts). Waits in tests detect hangs, they do not measure speed: on a
 * loaded two-core machine a render can take seconds, so Testing Library's `findBy*`/`waitFor` wait up to 15 s
 * (its default is 1 s), as the project's test timeout allows 60 s (vitest's default is 5 s).
 */
import { configure } from '@testing-library/dom';

configure({ asyncUtilTimeout: 15_000 });
