#!/usr/bin/env node
// The `lab` executable: everything lives in cli.ts so tests can drive the program in-process.
import { main } from './cli.js';

process.exitCode = await main(process.argv);
