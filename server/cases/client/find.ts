import { CasesFindQuery, CasesFindResponse } from '../../../common/case_types';
import { parseCaseReference } from '../case_number';
import { toSummary } from '../service';
import { CasesClientArgs } from './types';

/**
 * The cases list, searched, filtered, sorted and paged by OpenSearch (service.ts `find`): no
 * query string is built from the input. Search text that is a case reference (`SIR-12`, `#12`,
 * `12`) finds that case by number. The total is exact (OSD's find asks OpenSearch for integer
 * totals, which counts every match); pages stop at `page × perPage` ≤ 10 000, OpenSearch's result
 * window (the route refuses more): beyond it the list is narrowed with filters, search or the
 * opposite sort order.
 */
export async function find(args: CasesClientArgs, query: CasesFindQuery): Promise<CasesFindResponse> {
  const prefix = args.numberPrefix();
  const number = query.search ? parseCaseReference(prefix, query.search) : undefined;
  const { total, cases } = await args.service.find({
    ...query,
    ...(number !== undefined ? { search: undefined, number } : {}),
  });
  return { total, cases: cases.map((c) => toSummary(c, prefix)) };
}
