import { CASE_LIMITS, CasesFindQuery, CasesFindResponse } from '../../../common/case_types';
import { parseCaseReference } from '../case_number';
import { toSummary } from '../service';
import { CasesClientArgs } from './types';

/**
 * The cases list, searched, filtered, sorted and paged by OpenSearch (service.ts `find`): no
 * query string is built from the input. Search text that is a case reference (`SIR-12`, `#12`,
 * `12`) finds that case by number. OpenSearch counts matches exactly up to its result window
 * (10 000); beyond it the total is a lower bound, and pages stop at `page × perPage` ≤ 10 000
 * (the route refuses more): narrow the list with filters or search instead.
 */
export async function find(args: CasesClientArgs, query: CasesFindQuery): Promise<CasesFindResponse> {
  const prefix = args.numberPrefix();
  const number = query.search ? parseCaseReference(prefix, query.search) : undefined;
  const { total, cases } = await args.service.find({
    ...query,
    ...(number !== undefined ? { search: undefined, number } : {}),
  });
  return {
    total,
    ...(total >= CASE_LIMITS.listScan ? { totalIsLowerBound: true } : {}),
    cases: cases.map((c) => toSummary(c, prefix)),
  };
}
