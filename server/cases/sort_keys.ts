import { CASE_SEVERITIES, CASE_STATUSES } from '../../common/case_types';
import { CaseAttributes } from './types';

/** Characters of the title kept for sorting (a keyword beyond OSD's usual 256 would not be indexed). */
const SORT_TITLE_LENGTH = 200;

/**
 * The list sorts in OpenSearch, on one field (OSD's `sortField`): severity and status by rank (not
 * alphabetically) and the title case-insensitively need fields of their own, derived here from the
 * case's fields on every write.
 */
export function withSortKeys<A extends Omit<CaseAttributes, 'severityRank' | 'statusRank' | 'sortTitle'>>(a: A): A & Pick<CaseAttributes, 'severityRank' | 'statusRank' | 'sortTitle'> {
  return {
    ...a,
    severityRank: Math.max(0, CASE_SEVERITIES.indexOf(a.severity)),
    statusRank: Math.max(0, CASE_STATUSES.indexOf(a.status)),
    sortTitle: a.title.toLocaleLowerCase('en').slice(0, SORT_TITLE_LENGTH),
  };
}
