import { CASE_LIMITS, CASE_SEVERITIES, CasesFindQuery, CaseSummary } from '../../../common/case_types';
import { CaseMetricsResponse, median, SeverityMetrics } from '../../../common/case_template_types';
import { badRequest } from '../../lib/errors';
import { toCaseTimes } from '../case_times';
import { listOptionsOf, searchForNamedCase } from './find';
import { CasesClientArgs } from './types';

/** Medians per severity of the cases given (pure). */
export function caseMetrics(cases: ReadonlyArray<Pick<CaseSummary, 'severity' | 'times'>>): CaseMetricsResponse {
  const bySeverity = Object.fromEntries(
    CASE_SEVERITIES.map((severity): [string, SeverityMetrics] => {
      const of = cases.filter((c) => c.severity === severity);
      const tta = of.map((c) => c.times.timeToAcknowledgeMs).filter((v): v is number => v !== undefined);
      const ttc = of.map((c) => c.times.timeToCloseMs).filter((v): v is number => v !== undefined);
      return [severity, { cases: of.length, acknowledged: tta.length, medianTimeToAcknowledgeMs: median(tta), closed: ttc.length, medianTimeToCloseMs: median(ttc) }];
    })
  ) as CaseMetricsResponse['bySeverity'];
  return { total: cases.length, bySeverity };
}

/**
 * Time to acknowledge / to close over the cases the list's filters select (paging and sorting
 * ignored), asked by the cases page apart from the list (its own request, after the list shows):
 * the same search and filters as the list, run by OpenSearch (find.ts), reading only
 * the severity and times (service.ts `findTimes`) of at most CASE_LIMITS.listScan cases (one page of OpenSearch's result window);
 * more is a 400 asking to narrow the filter. One pass over them. (OSD's saved-objects find cannot
 * aggregate, so an exact median over more cases would need a scan of its own.)
 */
export async function metrics(args: CasesClientArgs, query: CasesFindQuery): Promise<CaseMetricsResponse> {
  const { options, number } = listOptionsOf(args, query);
  const all = { page: 1, perPage: CASE_LIMITS.listScan };
  let { total, cases } = await args.service.findTimes({ ...options, ...all });
  // As the list (find.ts): a search that names a merged case (or a case by id) selects that case.
  if (total === 0) {
    const other = await searchForNamedCase(args, query, number);
    if (other?.options) ({ total, cases } = await args.service.findTimes({ ...other.options, ...all }));
  }
  if (total > CASE_LIMITS.listScan) {
    throw badRequest(`${total} cases match, more than the ${CASE_LIMITS.listScan} the metrics can be computed over; narrow the list with filters or search text`);
  }
  return caseMetrics(cases.map((c) => ({ severity: c.severity, times: toCaseTimes(c) })));
}
