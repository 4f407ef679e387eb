import { InvalidArgumentError } from 'commander';

/** A commander parser for a positive integer option, naming the option in its error. */
export function positiveInt(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n <= 0) {
      throw new InvalidArgumentError(`${flag} must be a positive integer, got '${value}'`);
    }
    return n;
  };
}

/** A commander parser for a non-negative integer option (e.g. a seed). */
export function nonNegativeInt(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) {
      throw new InvalidArgumentError(`${flag} must be a non-negative integer, got '${value}'`);
    }
    return n;
  };
}

/** A commander parser for a positive finite number (e.g. a learning rate). */
export function positiveNumber(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n <= 0) {
      throw new InvalidArgumentError(`${flag} must be a positive number, got '${value}'`);
    }
    return n;
  };
}

/** A commander parser for a fraction in [0, 1). */
export function fraction(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !(n >= 0 && n < 1)) {
      throw new InvalidArgumentError(`${flag} must be a number in [0, 1), got '${value}'`);
    }
    return n;
  };
}

/** A commander parser for an integer in [min, max]; `why` explains the upper limit in the error. */
export function intInRange(flag: string, min: number, max: number, why = '') {
  return (value: string): number => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`${flag} must be an integer from ${min} to ${max}${why ? ` (${why})` : ''}, got '${value}'`);
    }
    return n;
  };
}

/** A commander parser for a finite number in (0, max]; `why` explains the upper limit. */
export function positiveNumberUpTo(flag: string, max: number, why = '') {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || n > max) {
      throw new InvalidArgumentError(`${flag} must be a positive number up to ${max}${why ? ` (${why})` : ''}, got '${value}'`);
    }
    return n;
  };
}

/** A commander parser for any finite number (NaN, Infinity and `1e999` are refused). */
export function finiteNumber(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`${flag} must be a finite number, got '${value}'`);
    return n;
  };
}

/** The largest hidden layer the CLI builds: 65,536 units are 205 MB of first-layer weights. */
export const MAX_HIDDEN = 65_536;
/** The largest mean/median window: far beyond any denoising use, and a bounded amount of work. */
export const MAX_FILTER_SIZE = 99;
/** The largest Gaussian sigma: its kernel (radius 4σ) then stays under 201 taps. */
export const MAX_SIGMA = 25;

/** A commander parser for a number strictly between 0 and 1 (e.g. a factor that must shrink). */
export function openUnitInterval(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !(n > 0 && n < 1)) throw new InvalidArgumentError(`${flag} must be a number in (0, 1), got '${value}'`);
    return n;
  };
}
