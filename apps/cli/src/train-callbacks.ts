import { type Callback, EarlyStopping, ReduceLROnPlateau } from '@lab/models';

/** The callback flags of `lab train` and `lab cv`. */
export interface CallbackFlags {
  /** `--early-stopping PATIENCE`: stop after this many epochs without improvement. */
  earlyStopping?: number;
  /** `--reduce-lr-on-plateau PATIENCE`: multiply the learning rate by `plateauFactor` after this many epochs without improvement. */
  reduceLrOnPlateau?: number;
  /** `--plateau-factor F` (default 0.1, Keras's). */
  plateauFactor?: number;
  validationSplit: number;
}

/** What the callbacks have counted so far, saved in the run folder at every epoch's end so that `--resume` continues the count. */
export interface CallbackState {
  earlyStopping?: { wait: number; best: number | null; bestEpoch: number; stoppedEpoch: number };
  reduceLrOnPlateau?: { wait: number; best: number | null; cooldownCounter: number };
}

/** The quantity the CLI's callbacks watch: `val_loss` with `--validation-split`, else the training loss. */
export function monitorOf(flags: CallbackFlags): 'val_loss' | 'loss' {
  return flags.validationSplit > 0 ? 'val_loss' : 'loss';
}

/**
 * The Keras callbacks the flags ask for, watching {@link monitorOf}: `EarlyStopping({ patience })`
 * (Keras's other defaults: minDelta 0, the last weights kept) and `ReduceLROnPlateau({ patience,
 * factor })` (minDelta 1e-4, no cooldown). With `saved` (a resumed run), their counts continue
 * from it. `state()` reads the counts to save.
 */
export function trainingCallbacks(flags: CallbackFlags, saved: CallbackState = {}): { callbacks: Callback[]; state: () => CallbackState; describe: () => string | undefined } {
  const monitor = monitorOf(flags);
  const stopper = flags.earlyStopping !== undefined ? new EarlyStopping({ monitor, patience: flags.earlyStopping }) : undefined;
  const plateau =
    flags.reduceLrOnPlateau !== undefined ? new ReduceLROnPlateau({ monitor, patience: flags.reduceLrOnPlateau, factor: flags.plateauFactor ?? 0.1 }) : undefined;
  const callbacks: Callback[] = [];
  if (stopper) callbacks.push(stopper);
  if (plateau) callbacks.push(plateau);
  // Runs after the callbacks' own onTrainBegin (which resets them), putting back a resumed run's counts.
  callbacks.push({
    onTrainBegin() {
      const es = saved.earlyStopping;
      if (stopper && es) Object.assign(stopper, { wait: es.wait, best: es.best ?? undefined, bestEpoch: es.bestEpoch, stoppedEpoch: es.stoppedEpoch });
      const rp = saved.reduceLrOnPlateau;
      if (plateau && rp) {
        Object.assign(plateau, { wait: rp.wait, cooldownCounter: rp.cooldownCounter });
        plateau.best = rp.best ?? (plateau.direction === 'min' ? Infinity : -Infinity);
      }
    },
  });
  const state = (): CallbackState => ({
    ...(stopper && { earlyStopping: { wait: stopper.wait, best: stopper.best ?? null, bestEpoch: stopper.bestEpoch, stoppedEpoch: stopper.stoppedEpoch } }),
    ...(plateau && { reduceLrOnPlateau: { wait: plateau.wait, best: Number.isFinite(plateau.best) ? plateau.best : null, cooldownCounter: plateau.cooldownCounter } }),
  });
  const describe = (): string | undefined => {
    const parts: string[] = [];
    if (stopper) parts.push(`early stopping on ${monitor} (patience ${stopper.patience})`);
    if (plateau) parts.push(`learning rate ×${plateau.factor} on a ${monitor} plateau (patience ${plateau.patience})`);
    return parts.length > 0 ? parts.join(', ') : undefined;
  };
  return { callbacks, state, describe };
}

/** A line for the log when early stopping ended the run before its last epoch; undefined otherwise. */
export function earlyStopNote(state: CallbackState, epochs: number): string | undefined {
  const es = state.earlyStopping;
  if (!es || es.stoppedEpoch === 0) return undefined;
  return `Early stopping: no improvement for the patience, stopped after epoch ${es.stoppedEpoch + 1} of ${epochs} (best epoch ${es.bestEpoch + 1})`;
}
