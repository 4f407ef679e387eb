import { publishState } from '../lab-result.js';
import { element } from './element.js';

/** The steps of the digits page, each with its own error line beside its controls. */
export type Step = 'data' | 'train' | 'evaluate' | 'draw' | 'model';

/** One step's error line: shown beside the control that failed, cleared when the step next runs. */
export interface StepError {
  /** Shows `message` in the step (an alert, so screen readers hear it) and scrolls it into view. */
  show(message: string): void;
  /** Hides the step's error, as when the step starts again or succeeds. */
  clear(): void;
}

/**
 * The error line of `step` (`#<step>-error`). `window.__labState.stepError` holds the last error
 * shown and is cleared with it, so a later success leaves no stale error behind.
 */
export function stepError(step: Step): StepError {
  const box = element(`${step}-error`, HTMLElement);
  return {
    show(message) {
      box.textContent = message;
      box.hidden = false;
      box.scrollIntoView({ block: 'nearest' });
      publishState({ stepError: message, stepErrorIn: step });
    },
    clear() {
      if (box.hidden) return;
      box.hidden = true;
      box.textContent = '';
      if (window.__labState?.stepErrorIn === step) publishState({ stepError: undefined, stepErrorIn: undefined });
    },
  };
}
