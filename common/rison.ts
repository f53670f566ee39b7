/**
 * Rison (https://github.com/Nanonid/rison): the compact JSON dialect OSD keeps its URL state in
 * (`_a`, `_g`, `_q` of Discover). Written here because OSD's `rison-node` is not a dependency a
 * plugin may import at run time.
 *
 * Grammar: `!t` `!f` `!n`, arrays `!(a,b)`, objects `(k:v,k2:v2)` with sorted keys, numbers as
 * JSON numbers, strings bare when they are "id-safe" and otherwise in single quotes where `!`
 * escapes `!` and `'`.
 */

export type RisonValue = null | boolean | number | string | RisonValue[] | { [key: string]: RisonValue | undefined };

/** Characters that may not appear in a bare (unquoted) string. */
const NOT_ID_CHAR = " '!:(),*@$";
/** Characters a bare string may not start with (they would read as a number). */
const NOT_ID_START = '-0123456789';

function isIdSafe(s: string): boolean {
  if (s === '' || NOT_ID_START.includes(s[0])) return false;
  for (const c of s) if (NOT_ID_CHAR.includes(c)) return false;
  return true;
}

function encodeString(s: string): string {
  if (isIdSafe(s)) return s;
  return `'${s.replace(/[!']/g, (c) => `!${c}`)}'`;
}

function encodeNumber(n: number): string {
  // JSON's exponent form without `+` (`1e21`), as rison-node writes it.
  return Number.isFinite(n) ? String(n).replace('+', '') : '!n';
}

export function risonEncode(value: RisonValue | undefined): string {
  if (value === null || value === undefined) return '!n';
  switch (typeof value) {
    case 'boolean':
      return value ? '!t' : '!f';
    case 'number':
      return encodeNumber(value);
    case 'string':
      return encodeString(value);
  }
  if (Array.isArray(value)) return `!(${value.map((v) => risonEncode(v)).join(',')})`;
  const parts = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort()
    .map((k) => `${encodeString(k)}:${risonEncode(value[k])}`);
  return `(${parts.join(',')})`;
}

export class RisonSyntaxError extends Error {
  constructor(message: string, readonly position: number) {
    super(`${message} at position ${position}`);
    this.name = 'RisonSyntaxError';
  }
}

/** The inverse of `risonEncode` (strict: the whole input must be one value). */
export function risonDecode(text: string): RisonValue {
  let i = 0;
  const fail = (msg: string): never => {
    throw new RisonSyntaxError(msg, i);
  };

  const readBare = (): string => {
    const start = i;
    while (i < text.length && !NOT_ID_CHAR.includes(text[i])) i++;
    if (i === start) fail('expected a value');
    return text.slice(start, i);
  };

  const readQuoted = (): string => {
    i++; // opening quote
    let out = '';
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const c = text[i++];
      if (c === "'") return out;
      if (c === '!') {
        const next = text[i++];
        if (next !== '!' && next !== "'") fail(`invalid string escape "!${next ?? ''}"`);
        out += next;
      } else {
        out += c;
      }
    }
  };

  const readList = (close: string, readItem: () => void): void => {
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      readItem();
      const c = text[i++];
      if (c === close) return;
      if (c !== ',') fail(`expected "," or "${close}"`);
    }
  };

  const readValue = (): RisonValue => {
    const c = text[i];
    if (c === undefined) return fail('unexpected end of input');
    if (c === "'") return readQuoted();
    if (c === '(') {
      i++;
      const obj: Record<string, RisonValue> = {};
      readList(')', () => {
        const key = text[i] === "'" ? readQuoted() : readBare();
        if (text[i++] !== ':') fail('expected ":"');
        obj[key] = readValue();
      });
      return obj;
    }
    if (c === '!') {
      const k = text[i + 1];
      i += 2;
      if (k === 't') return true;
      if (k === 'f') return false;
      if (k === 'n') return null;
      if (k === '(') {
        const arr: RisonValue[] = [];
        readList(')', () => arr.push(readValue()));
        return arr;
      }
      return fail(`unknown literal "!${k ?? ''}"`);
    }
    if (NOT_ID_START.includes(c)) {
      const m = /^-?(0|[1-9]\d*)(\.\d+)?(e-?\d+)?/.exec(text.slice(i));
      if (!m) return fail('invalid number');
      i += m[0].length;
      return Number(m[0]);
    }
    return readBare();
  };

  const value = readValue();
  if (i !== text.length) fail('unexpected trailing characters');
  return value;
}
