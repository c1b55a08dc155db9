#!/usr/bin/env node
// The `kse` command. It runs the TypeScript sources through tsx's API, so it works right after `npm install`
// (no build step); the CLI itself is src/cli/main.ts.
import { tsImport } from 'tsx/esm/api';

const { runAsProcess } = await tsImport('../src/cli/main.ts', import.meta.url);
await runAsProcess(process.argv.slice(2));
