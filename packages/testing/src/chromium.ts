import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

// Headless Chromium for lab's browser tests (the web app, @lab/backend-webgl's kernel checks,
// the CLI's report), started the one way the build machines need.

/** The Chromium the browser tests drive: `CHROMIUM_PATH`, else Debian's. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for headless Chromium on the build machines. The first six keep Chromium from opening
 * connections of its own (without them, connections are refused many at a time here). The last
 * three pin WebGL to ANGLE on SwiftShader, the software GPU: Chromium 156 picks it here even
 * without them, but newer Chromiums stop falling back to SwiftShader for WebGL unless asked.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** Why the browser tests cannot run here, or undefined when they can. */
export function chromiumMissing(): string | undefined {
  if (existsSync(CHROMIUM_PATH)) return undefined;
  return (
    `Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` ` +
    '(or point CHROMIUM_PATH at a Chromium binary)'
  );
}

/** A headless Chromium with a fresh profile; `close()` also deletes the profile. */
export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launches headless Chromium with {@link CHROMIUM_ARGS}, then `extraArgs`, a throw-away profile
 * and a `viewport` (default 1000×800).
 */
export async function launchChromium(
  extraArgs: readonly string[] = [],
  viewport: { width: number; height: number } = { width: 1000, height: 800 },
): Promise<Chromium> {
  const profile = await mkdtemp(path.join(tmpdir(), 'lab-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS, ...extraArgs],
      viewport,
      timeout: 30_000,
    });
    return {
      context,
      close: async () => {
        await context.close();
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Flags that take WebGL away entirely. `--disable-webgl` is not enough: Chromium 156 still gives
 * WebGL 2 to an `OffscreenCanvas`, which is what tfjs uses.
 */
export const NO_WEBGL_ARGS: readonly string[] = ['--disable-gpu', '--disable-software-rasterizer'];
