import { checkValue, number, type Range } from '@lab/core';

/**
 * Throws unless `value` is a finite number in the given range, with a message naming the option,
 * its owner and the allowed range (@lab/core's option constraints). Options come from configs and
 * the command line as well as from typed code, so they are checked at run time.
 */
export function checkNumber(owner: string, option: string, value: unknown, range: Range = {}): asserts value is number {
  checkValue(owner, option, value, number(range));
}
