import { DocRef } from '../common/types';

/**
 * The app's hash routes (ARCHITECTURE.md): `#/` incidents, `#/findings`, `#/investigate/{index}/{id}`
 * (`?members=` for an incident),
 * `#/cases`, `#/cases/{id}`, `#/add?index=…&id=…`.
 *
 * Document ids contain `/` and may contain `%`. The shared `history` 4 decodes the path with
 * `decodeURI` before routing, which turns `%25` back into `%` but leaves `%2F` alone; so `%` is
 * encoded twice and everything else once, and a route parameter is read with one
 * `decodeURIComponent`. Links built with a plain `encodeURIComponent` still work for ids without `%`.
 */
export const ROUTE_PATHS = {
  incidents: '/',
  findings: '/findings',
  investigate: '/investigate/:index/:id',
  cases: '/cases',
  case: '/cases/:id',
  add: '/add',
  caseTemplates: '/case_templates',
} as const;

export function caseTemplatesPath(): string {
  return ROUTE_PATHS.caseTemplates;
}

export function encodePathSegment(value: string): string {
  return encodeURIComponent(value).replace(/%25/g, '%2525');
}

export function decodePathSegment(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function investigatePath(ref: DocRef, window?: { before?: string; after?: string }, members?: DocRef[]): string {
  const query = new URLSearchParams();
  if (window?.before) query.set('before', window.before);
  if (window?.after) query.set('after', window.after);
  if (members?.length) query.set('members', JSON.stringify(members.map((m) => [m.index, m.id])));
  const search = query.toString();
  return `/investigate/${encodePathSegment(ref.index)}/${encodePathSegment(ref.id)}${search ? `?${search}` : ''}`;
}

export function casePath(id: string): string {
  return `/cases/${encodePathSegment(id)}`;
}

/** The target of Discover's "Add to case" link. Query values are read back with URLSearchParams. */
export function addToCasePath(ref: DocRef): string {
  return `/add?${new URLSearchParams({ index: ref.index, id: ref.id }).toString()}`;
}

/** An incident's other members from `?members=` (JSON pairs of index and id); anything else is ignored. */
export function readMembers(search: string): DocRef[] {
  const raw = new URLSearchParams(search).get('members');
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((p): p is [string, string] => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'string')
      .map(([index, id]) => ({ index, id }));
  } catch {
    return [];
  }
}
