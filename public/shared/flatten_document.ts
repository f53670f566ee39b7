/** A document as `field → text` rows (dotted names, arrays of scalars joined), for the flyout table. */
export function flattenForDisplay(doc: unknown, prefix = '', out: Array<{ field: string; value: string }> = []): Array<{ field: string; value: string }> {
  if (doc !== null && typeof doc === 'object' && !Array.isArray(doc)) {
    const entries = Object.entries(doc as Record<string, unknown>);
    if (!entries.length && prefix) out.push({ field: prefix, value: '{}' });
    for (const [k, v] of entries) flattenForDisplay(v, prefix ? `${prefix}.${k}` : k, out);
    return out;
  }
  if (Array.isArray(doc) && doc.some((v) => v !== null && typeof v === 'object')) {
    out.push({ field: prefix, value: JSON.stringify(doc) });
    return out;
  }
  const value = Array.isArray(doc) ? doc.map((v) => String(v)).join(', ') : doc === null ? 'null' : String(doc);
  out.push({ field: prefix, value });
  return out;
}
