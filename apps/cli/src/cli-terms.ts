import type { Command, Option } from 'commander';

/**
 * Library names for an option that the CLI spells otherwise, by the option's attribute name, as
 * patterns matching the name where a library message uses it as an option (`k (5) cannot…`,
 * `k must…`), not as a word of prose.
 */
const LIBRARY_NAMES: Record<string, RegExp> = {
  folds: /\b(?:k|nSplits)(?= \(| must\b)/g,
};

/**
 * A library's error message in the CLI's vocabulary: the options of `command` that the message
 * names by their library (camelCase) names become the command's flags (`validationSplit` →
 * `--validation-split`, kFold's `k` → `--folds`), and then the library function's name that
 * prefixes it (`fit: `) is dropped, since the user called a command, not that function. A message
 * that names none of them is returned as it is.
 */
export function inCliTerms(message: string, command: Command | undefined): string {
  if (!command) return message;
  let out = message;
  for (const option of command.options as Option[]) {
    if (!option.long) continue;
    const name = option.attributeName();
    // A one-word name (`epochs`, `limit`) reads the same in prose; only camelCase names are
    // unambiguous references to an option.
    if (/[A-Z]/.test(name)) out = out.replace(new RegExp(`\\b${name}\\b`, 'g'), option.long);
    const alias = LIBRARY_NAMES[name];
    if (alias) out = out.replace(alias, option.long);
  }
  return out === message ? message : out.replace(/^[a-z][A-Za-z0-9]*: /, '');
}
