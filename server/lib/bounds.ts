/**
 * Log values are attacker-controlled and unbounded (a 30 KB user agent, an array of thousands of
 * addresses). Lists, tables, the timeline and the graph carry them clipped; the full document is
 * one click away (`GET /document`).
 */
export function clipText(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** A field's value with at most `maxValues` values of at most `maxChars` characters; `cut` says whether anything was lost. */
export function boundValues(v: string | string[], maxValues: number, maxChars: number): { value: string | string[]; cut: boolean } {
  if (!Array.isArray(v)) return { value: clipText(v, maxChars), cut: v.length > maxChars };
  const kept = v.slice(0, maxValues).map((s) => clipText(s, maxChars));
  return { value: kept, cut: v.length > kept.length || v.some((s) => s.length > maxChars) };
}
