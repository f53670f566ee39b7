/**
 * Small helpers for OSD route validation *functions* (`@osd/config-schema` is not installable
 * outside OSD). A validator throws `ValidationError`; `validator()` turns that into OSD's
 * `badRequest` result, which OSD answers with a 400 and `[request body]: <message>`.
 */
export class ValidationError extends Error {}

export interface RouteValidationResultFactory {
  ok: <T>(value: T) => { value: T };
  badRequest: (error: Error | string, path?: string[]) => { error: unknown };
}

export function validator<T>(parse: (data: unknown) => T) {
  return (data: unknown, res: RouteValidationResultFactory) => {
    try {
      return res.ok(parse(data));
    } catch (e) {
      if (e instanceof ValidationError) return res.badRequest(e.message);
      throw e;
    }
  };
}

export function fail(message: string): never {
  throw new ValidationError(message);
}

export function object(data: unknown, allowed: readonly string[], what: string): Record<string, unknown> {
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) fail(`${what} must be an object`);
  const unknown = Object.keys(data as object).filter((k) => !allowed.includes(k));
  if (unknown.length) fail(`${what} has unknown field(s): ${unknown.join(', ')} (allowed: ${allowed.join(', ')})`);
  return data as Record<string, unknown>;
}

export function string(v: unknown, name: string, opts: { max?: number; min?: number; pattern?: RegExp; patternHint?: string } = {}): string {
  if (typeof v !== 'string') fail(`${name} must be a string`);
  const s = v as string;
  // A lone surrogate cannot be URL-encoded or stored as UTF-8: refuse it here, not as a 500 later.
  if (LONE_SURROGATE.test(s)) fail(`${name} is not valid Unicode text (it holds a lone surrogate)`);
  const min = opts.min ?? 1;
  if (s.length < min) fail(`${name} must not be empty`);
  if (opts.max !== undefined && s.length > opts.max) fail(`${name} is longer than ${opts.max} characters (limit)`);
  if (opts.pattern && !opts.pattern.test(s)) fail(`${name} ${opts.patternHint ?? 'has an invalid format'}`);
  return s;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function optionalString(v: unknown, name: string, opts: Parameters<typeof string>[2] = {}): string | undefined {
  return v === undefined ? undefined : string(v, name, opts);
}

export function integer(v: unknown, name: string, min: number, max: number, fallback: number): number {
  if (v === undefined || v === '') return fallback;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n)) fail(`${name} must be an integer`);
  if (n < min || n > max) fail(`${name} must be between ${min} and ${max}`);
  return n;
}

export function oneOf<T extends string>(v: unknown, name: string, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !allowed.includes(v as T)) fail(`${name} must be one of: ${allowed.join(', ')}`);
  return v as T;
}

/** Query parameters arrive as a string or, when repeated, as an array; `a,b` is also accepted. */
export function stringList(v: unknown, name: string): string[] {
  if (v === undefined || v === '') return [];
  const items = Array.isArray(v) ? v : [v];
  if (!items.every((i) => typeof i === 'string')) fail(`${name} must be a string or a list of strings`);
  return (items as string[]).flatMap((i) => i.split(',')).map((s) => s.trim()).filter(Boolean);
}

/**
 * Concrete index names only, by OpenSearch's own rules: lower case, none of `\ / * ? " < > | , #`
 * or spaces or `:`, not starting with `_`, `-` or `+` — so no wildcards, lists or path tricks.
 * One remote cluster alias may come first (`other:log-aws-cloudtrail-2021-04`, cross-cluster search).
 */
export const INDEX_NAME = /^(?:[A-Za-z0-9][A-Za-z0-9_-]{0,63}:)?(?![_+-])(?!\.{1,2}$)[^A-Z\\/*?"<>|,# :]{1,255}$/;
export const INDEX_NAME_HINT = 'must be a concrete lower-case index name, optionally after a remote cluster alias and a colon (no wildcards, commas or spaces)';

/** Routes that take no query parameters still refuse unknown ones (`?foo=1` is a 400, not ignored). */
export const noQuery = validator<Record<string, never>>((data) => object(data, [], 'query') as Record<string, never>);

export function docRef(v: unknown, name: string): { index: string; id: string } {
  const o = object(v, ['index', 'id'], name);
  return {
    index: string(o.index, `${name}.index`, { max: 255, pattern: INDEX_NAME, patternHint: INDEX_NAME_HINT }),
    id: string(o.id, `${name}.id`, { max: 512 }),
  };
}

/** ISO 8601 or OpenSearch date math such as `now-7d` or `now/d`. */
export const DATE_OR_MATH = /^(now([+-]\d{1,6}[smhdwMy])*(\/[smhdwMy])?|\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?)$/;
