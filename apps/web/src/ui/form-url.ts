import { settingsFromUrl, URL_SETTINGS, type UrlSetting, urlWithSettings } from '../train/url-settings.js';

type Values = Partial<Record<UrlSetting, string>>;

/** The form's current training settings as strings; an unticked checkbox has none. */
function formValues(form: HTMLFormElement): Values {
  const out: Values = {};
  for (const name of URL_SETTINGS) {
    const field = form.elements.namedItem(name);
    if (!(field instanceof HTMLInputElement || field instanceof HTMLSelectElement)) continue;
    if (field instanceof HTMLInputElement && field.type === 'checkbox') {
      if (field.checked) out[name] = 'on';
    } else out[name] = field.value;
  }
  return out;
}

/**
 * Keeps the training form and the page's address in step, so a run can be shared by its link:
 * settings in the URL fill the form when the page opens, and every edit rewrites the URL (with
 * `history.replaceState`, so Back is not flooded) with the settings that differ from the form's
 * defaults. A value the form cannot take is left in the field, and Start names it.
 */
export function bindFormToUrl(form: HTMLFormElement): void {
  const defaults = formValues(form);
  for (const [name, value] of Object.entries(settingsFromUrl(new URLSearchParams(location.search)))) {
    const field = form.elements.namedItem(name);
    if (field instanceof HTMLInputElement && field.type === 'checkbox') field.checked = value === 'on' || value === 'true';
    else if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
  }
  const write = (): void => history.replaceState(history.state, '', urlWithSettings(location.href, formValues(form), defaults));
  form.addEventListener('input', write);
  form.addEventListener('change', write);
}
