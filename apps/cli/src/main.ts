#!/usr/bin/env node
// The `lab` executable: everything lives in cli.ts so tests can drive the program in-process.
import { main } from './cli.js';

// `pnpm lab …` runs this from the repository root; relative paths (--data, --out, runs/) are the
// caller's, so work in the folder pnpm was called from (INIT_CWD), as a command on the PATH would.
if (process.env.npm_lifecycle_event === 'lab' && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);

process.exitCode = await main(process.argv);
