/** The element with `id`, checked to be of `type`; a missing element is a bug in index.html. */
export function element<T extends HTMLElement>(id: string, type: { new (): T }): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`page: no <${type.name}> with id '${id}' in index.html`);
  return found;
}
