// `pnpm lab …`: builds what the CLI needs (turbo, cached) and runs it, so that what the user sees
// is the CLI's output and nothing else. turbo's banner ("• turbo 2.x", "Packages in scope", the
// task summary, an "update available" box, the telemetry notice) is captured, not printed; it is
// shown (on stderr) only when the build fails, with turbo's exit code. The CLI then runs in this
// process, with this process's arguments, so Ctrl-C reaches it as it would reach `lab` itself.
//
// pnpm prints its own two-line script header (`> lab-workspace@ lab /path`) before any script;
// `pnpm -s lab …` (or `--silent`) leaves it out. scripts/test-lab-command.mjs checks both.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const turbo = path.join(root, 'node_modules/.bin/turbo');
const args = ['run', 'build', '--filter=@lab/cli...', '--output-logs=errors-only', '--ui=stream'];

const build = await new Promise((resolve) => {
  const env = { ...process.env, TURBO_NO_UPDATE_NOTIFIER: '1', TURBO_TELEMETRY_DISABLED: '1' };
  const child = spawn(turbo, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks = [];
  child.stdout.on('data', (chunk) => chunks.push(chunk));
  child.stderr.on('data', (chunk) => chunks.push(chunk));
  child.on('error', (error) => resolve({ code: 1, log: `could not start turbo (${turbo}): ${error.message}` }));
  child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), log: Buffer.concat(chunks).toString() }));
});
if (build.code !== 0) {
  process.stderr.write(`${build.log.trimEnd()}\n\npnpm lab: building the CLI failed (turbo ${args.join(' ')} exited with ${build.code})\n`);
  process.exit(build.code);
}

// The CLI reads process.argv as `node <script> …args`, which this script's argv already is.
await import(pathToFileURL(path.join(root, 'apps/cli/dist/main.js')).href);
