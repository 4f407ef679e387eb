import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logs, Sequential } from '@lab/models';
import { saveCheckpoint } from '@lab/models/node';
import { writeFileAtomic } from '@lab/core/node';

/**
 * A run folder: `config.json` (the resolved options; enough to reproduce the run), `metrics.jsonl`
 * (one JSON object per epoch), `checkpoint/` (weights, optimizer state, position; replaced
 * atomically every epoch and on interruption), `model/` (the final model) and `test-report.json`.
 */
export class RunFolder {
  constructor(readonly dir: string) {}

  /** The default folder for a new run: `runs/<UTC timestamp>`. */
  static defaultDir(now = new Date()): string {
    return path.join('runs', now.toISOString().replace(/[:.]/g, '-').replace(/Z$/, ''));
  }

  get checkpointDir(): string {
    return path.join(this.dir, 'checkpoint');
  }

  get modelDir(): string {
    return path.join(this.dir, 'model');
  }

  async writeConfig(config: object): Promise<void> {
    await writeFileAtomic(path.join(this.dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`, { mkdir: true });
  }

  /** The saved config, or a clear error when `dir` is not a run folder. */
  async readConfig(): Promise<Record<string, unknown>> {
    const file = path.join(this.dir, 'config.json');
    try {
      return JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new Error(code === 'ENOENT' ? `${file}: not found; '${this.dir}' is not a lab run folder` : `${file}: ${(error as Error).message}`);
    }
  }

  /** Appends one epoch's numbers (one line, one write) to `metrics.jsonl`. */
  async appendMetrics(epoch: number, logs: Logs): Promise<void> {
    const line = JSON.stringify({ epoch: epoch + 1, ...logs });
    await fs.mkdir(this.dir, { recursive: true });
    await fs.appendFile(path.join(this.dir, 'metrics.jsonl'), `${line}\n`);
  }

  /**
   * The per-epoch history from `metrics.jsonl`, across resumes: for an epoch logged twice (cut by
   * Ctrl-C, then finished), the later line wins.
   */
  async readHistory(): Promise<Record<string, number[]>> {
    const text = await fs.readFile(path.join(this.dir, 'metrics.jsonl'), 'utf8').catch(() => '');
    const byEpoch = new Map<number, Record<string, number>>();
    for (const line of text.split('\n')) if (line.trim()) byEpoch.set(JSON.parse(line).epoch, JSON.parse(line));
    const history: Record<string, number[]> = {};
    for (const epoch of [...byEpoch.keys()].sort((a, b) => a - b)) {
      for (const [k, v] of Object.entries(byEpoch.get(epoch)!)) {
        if (k === 'epoch' || k === 'partial') continue;
        history[k] ??= [];
        history[k].push(v);
      }
    }
    return history;
  }

  async checkpoint(model: Sequential, seed: number): Promise<void> {
    await saveCheckpoint(model, this.checkpointDir, { ...model.position, seed });
  }

  /** A JSON file of the run folder, or undefined when it does not exist. */
  async readJson(name: string): Promise<unknown> {
    const file = path.join(this.dir, name);
    try {
      return JSON.parse(await fs.readFile(file, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new Error(`${file}: ${(error as Error).message}`);
    }
  }

  async writeJson(name: string, value: unknown): Promise<void> {
    await writeFileAtomic(path.join(this.dir, name), `${JSON.stringify(value, null, 2)}\n`, { mkdir: true });
  }
}
