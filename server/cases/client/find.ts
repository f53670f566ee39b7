import { CasesFindQuery, CasesFindResponse } from '../../../common/case_types';
import { caseReference, parseCaseReference } from '../case_number';
import { CasesFindOptions, statusOf, toSummary } from '../service';
import { StoredCase } from '../types';
import { followMerged } from './merge';
import { CasesClientArgs } from './types';

/** Search text that may be a case's id (saved-object ids of cases are UUIDs; imports keep theirs). */
const ID_LIKE = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,249}$/;

/**
 * The list's search and filters as OpenSearch runs them: search text that is a case reference
 * (`SIR-12`, `#12`, `12`) is a filter on the number, no text search.
 */
function optionsOf(args: CasesClientArgs, query: CasesFindQuery): { options: CasesFindOptions; number?: number } {
  const number = query.search ? parseCaseReference(args.numberPrefix(), query.search) : undefined;
  return { options: { ...query, ...(number !== undefined ? { search: undefined, number } : {}) }, ...(number !== undefined ? { number } : {}) };
}

/**
 * When the search found nothing: the case its text names by another way — a merged case's number
 * (lists never show tombstones) or a case's id, a merged case's id naming the case it was merged
 * into (as `GET /cases/{id}` does). At most one search (the tombstone by number) or one get by id,
 * then the tombstones followed (merge.ts, at most a few gets). `undefined` when it names none, or
 * when the merged case points to a case that is gone.
 */
async function namedCase(args: CasesClientArgs, search: string, number: number | undefined): Promise<StoredCase | undefined> {
  const named = number !== undefined ? await args.service.findMergedByNumber(number) : ID_LIKE.test(search) ? await args.service.getIfExists(search) : undefined;
  if (!named?.attributes.mergedInto) return named;
  try {
    return await followMerged(args, named);
  } catch (e) {
    const status = statusOf(e);
    if (status === 404 || status === 409) return undefined;
    throw e;
  }
}

/**
 * The list options for the case the search named (namedCase): the search for that case's number,
 * within the list's own filters, so it is listed exactly when searching its own `SIR-n` lists it.
 * `undefined` when the search names no case by another way, or the case has no number yet.
 */
export async function searchForNamedCase(
  args: CasesClientArgs,
  query: CasesFindQuery,
  number: number | undefined
): Promise<{ options: CasesFindOptions | undefined; named: StoredCase } | undefined> {
  if (!query.search) return undefined;
  const named = await namedCase(args, query.search, number);
  if (!named) return undefined;
  const n = named.attributes.number;
  return { named, options: n ? { ...query, search: undefined, number: n } : undefined };
}

/**
 * The cases list, searched, filtered, sorted and paged by OpenSearch (service.ts `find`): no
 * query string is built from the input. Search text that is a case reference (`SIR-12`, `#12`,
 * `12`) finds that case by number. If the search finds nothing, its text may name a merged case
 * (its number or id) or a case by id: the list is then the search for that case's number, and a
 * merged case is named in `redirect` and on the listed case (docs/cases.md "Merging cases").
 * The total is exact (OSD's find asks OpenSearch for integer totals, which counts every match);
 * pages stop at `page × perPage` ≤ 10 000, OpenSearch's result window (the route refuses more):
 * beyond it the list is narrowed with filters, search or the opposite sort order.
 */
export async function find(args: CasesClientArgs, query: CasesFindQuery): Promise<CasesFindResponse> {
  const prefix = args.numberPrefix();
  const { options, number } = optionsOf(args, query);
  const found = await args.service.find(options);
  const listed = { total: found.total, cases: found.cases.map((c) => toSummary(c, prefix)) };
  if (found.total > 0) return listed;
  const other = await searchForNamedCase(args, query, number);
  if (!other) return listed;
  const { named, options: byNumber } = other;
  const res = byNumber ? await args.service.find(byNumber) : { total: 0, cases: [] };
  const from = named.redirectedFrom;
  const reference = caseReference(prefix, named.attributes.number);
  return {
    total: res.total,
    cases: res.cases.map((c) => ({ ...toSummary(c, prefix), ...(from && c.id === named.id ? { redirectedFrom: from } : {}) })),
    ...(from ? { redirect: { from, to: { id: named.id, ...(reference ? { reference } : {}), title: named.attributes.title } } } : {}),
  };
}

export { optionsOf as listOptionsOf };
