import { DEFAULT_CASE_NUMBER_PREFIX } from '../../common/case_types';

/** A prefix is 1–10 letters, digits or `_`, starting with a letter, so `<prefix>-<n>` is one search token. */
export const CASE_NUMBER_PREFIX_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,9}$/;

export function validNumberPrefix(prefix: unknown): string {
  if (prefix === undefined) return DEFAULT_CASE_NUMBER_PREFIX;
  if (typeof prefix !== 'string' || !CASE_NUMBER_PREFIX_PATTERN.test(prefix)) {
    throw new Error(`siem_investigations.cases.numberPrefix must be 1-10 letters, digits or _ starting with a letter, got ${JSON.stringify(prefix)}`);
  }
  return prefix;
}

export function caseReference(prefix: string, n: number | null | undefined): string | undefined {
  return n ? `${prefix}-${n}` : undefined;
}

/**
 * The number a reference names: `SIR-12`, `sir-12`, `#12` or `12` (case-insensitive prefix), or
 * `undefined` for anything else. Any other prefix is not this tenant's number.
 */
export function parseCaseReference(prefix: string, text: string): number | undefined {
  const m = /^(?:([A-Za-z][A-Za-z0-9_]*)-|#)?(\d{1,15})$/.exec(text.trim());
  if (!m) return undefined;
  if (m[1] !== undefined && m[1].toLowerCase() !== prefix.toLowerCase()) return undefined;
  const n = Number(m[2]);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** A case id that is a reference (`SIR-12`), to be resolved by number; plain ids are never numbers-with-prefix. */
export function referenceInId(prefix: string, id: string): number | undefined {
  return /^[A-Za-z][A-Za-z0-9_]*-\d+$/.test(id) ? parseCaseReference(prefix, id) : undefined;
}
