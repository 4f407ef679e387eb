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
