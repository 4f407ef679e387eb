/** The training settings the page's URL carries, by their form names. */
export const URL_SETTINGS = ['architecture', 'epochs', 'batchSize', 'optimizer', 'learningRate', 'decay', 'decayRate', 'decaySteps', 'validationSplit', 'seed'] as const;

export type UrlSetting = (typeof URL_SETTINGS)[number];

/** The training settings in `params` (e.g. `?epochs=2&architecture=…`), as the form's strings. */
export function settingsFromUrl(params: URLSearchParams): Partial<Record<UrlSetting, string>> {
  const out: Partial<Record<UrlSetting, string>> = {};
  for (const name of URL_SETTINGS) {
    const value = params.get(name);
    if (value !== null) out[name] = value;
  }
  return out;
}

/**
 * `href` with the training settings replaced by `values`; the page's other parameters (backend,
 * trainLimit, testLimit, page) stay, and a setting with the form's default value is left out, so
 * a shared link says only what differs from the lesson.
 */
export function urlWithSettings(href: string, values: Partial<Record<UrlSetting, string>>, defaults: Partial<Record<UrlSetting, string>>): string {
  const url = new URL(href);
  for (const name of URL_SETTINGS) {
    const value = values[name];
    if (value === undefined || value === defaults[name]) url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  return url.href;
}
