import { CASE_LIMITS, CASE_SEVERITIES, CasesFindQuery, CaseSummary } from '../../../common/case_types';
import { CaseMetricsResponse, median, SeverityMetrics } from '../../../common/case_template_types';
import { badRequest } from '../../lib/errors';
import { toSummary } from '../service';
import { selectCases } from './find';
import { CasesClientArgs } from './types';

/** Medians per severity of the cases given (pure). */
export function caseMetrics(cases: readonly CaseSummary[]): CaseMetricsResponse {
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
 * ignored): the same scan and filters as the list (find.ts), so the same bound — at most
 * CASE_LIMITS.listScan cases; one pass over their summary fields.
 */
export async function metrics(args: CasesClientArgs, query: CasesFindQuery): Promise<CaseMetricsResponse> {
  const { total, cases } = await args.service.findSummaries(query.search, CASE_LIMITS.listScan);
  if (total > CASE_LIMITS.listScan) {
    throw badRequest(`${total} cases match, more than the ${CASE_LIMITS.listScan} the metrics can be computed over; add search text to narrow them down`);
  }
  const selected = selectCases(cases.map(toSummary), { ...query, page: 1, perPage: CASE_LIMITS.listScan });
  return caseMetrics(selected.cases);
}
