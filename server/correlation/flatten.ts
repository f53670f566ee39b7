/**
 * Documents flattened to dotted leaf paths, the way Discover shows them.
 * Log data varies in shape between SIEM versions and sources (a field can be a value in one
 * document and an array in the next, numbers can be strings), so every leaf becomes a string or
 * a string array and readers never have to care.
 */
export type FlatDoc = Record<string, string | string[]>;

export function flattenDocument(source: unknown): FlatDoc {
  const out: Record<string, string[]> = {};
  walk(source, '', out);
  const flat: FlatDoc = {};
  for (const [k, v] of Object.entries(out)) flat[k] = v.length === 1 ? v[0] : v;
  return flat;
}

function walk(value: unknown, path: string, out: Record<string, string[]>): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (const item of value) walk(item, path, out);
    return;
  }
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      walk(v, path ? `${path}.${k}` : k, out);
    }
    return;
  }
  if (!path) return;
  (out[path] ??= []).push(String(value));
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

/** Keeps only the listed fields (and anything below a listed object path). */
export function pick(doc: FlatDoc, fields: readonly string[]): FlatDoc {
  const out: FlatDoc = {};
  for (const [k, v] of Object.entries(doc)) {
    if (fields.some((f) => k === f || k.startsWith(f + '.'))) out[k] = v;
  }
  return out;
}
