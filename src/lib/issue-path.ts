/**
 * @module A validation issue's path as people read it: `concepts[3].languages.fr.terms[0]`.
 */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
}
