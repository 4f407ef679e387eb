import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors.js';

/**
 * The model folder `--model` means: a model folder (holding model.json), a run folder (its
 * `model/`), or the model.json file itself. Anything else is a usage error saying what was looked for.
 */
export function resolveModelDir(given: string): string {
  const isFile = (p: string) => fs.statSync(p, { throwIfNoEntry: false })?.isFile() === true;
  if (path.basename(given) === 'model.json' && isFile(given)) return path.dirname(given);
  if (isFile(path.join(given, 'model.json'))) return given;
  if (isFile(path.join(given, 'model', 'model.json'))) return path.join(given, 'model');
  throw new UsageError(
    `${path.join(given, 'model.json')}: not found (nor ${path.join(given, 'model', 'model.json')}); --model takes a model folder (runs/NAME/model), a run folder (runs/NAME) or a model.json`,
    2,
  );
}
