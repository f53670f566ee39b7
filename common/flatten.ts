/**
 * Documents flattened to dotted leaf paths, the way Discover shows them.
 * Log data varies in shape between SIEM versions and sources (a field can be a value in one
 * document and an array in the next, numbers can be strings), so every leaf becomes a string or
 * a string array and readers never have to care.
 */
export type FlatDoc = Record<string, string | string[]>;

export function flattenDocument(source: unknown): FlatDoc {
  // A null-prototype object: log data may carry keys such as `__proto__` or `constructor`.
  const flat: FlatDoc = Object.create(null);
  walk(source, '', flat);
  return flat;
}

function walk(value: unknown, path: string, out: FlatDoc): void {
  if (value === null || value === undefined) return;
  if (typeof value !== 'object') {
    if (!path) return;
    const s = String(value);
    const existing = out[path];
    if (existing === undefined) out[path] = s;
    else if (typeof existing === 'string') out[path] = [existing, s];
    else existing.push(s);
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) walk(value[i], path, out);
    return;
  }
  for (const k of Object.keys(value as object)) walk((value as Record<string, unknown>)[k], path ? `${path}.${k}` : k, out);
}

/** All values of a field, in document order, without empties. */
export function values(doc: FlatDoc, field: string): string[] {
  const v = doc[field];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).filter((s) => s !== '');
}

/** The first value of the first field that has one. */
export function first(doc: FlatDoc, ...fields: string[]): string | undefined {
  for (const f of fields) {
    const v = values(doc, f);
    if (v.length) return v[0];
  }
  return undefined;
}
