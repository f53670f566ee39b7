import { CasesFindQuery, CaseSummary } from '../../../common/case_types';
import { selectCases } from './find';

const summary = (id: string, o: Partial<CaseSummary>): CaseSummary => ({
  id,
  version: 'v',
  title: id,
  status: 'open',
  severity: 'low',
  tags: [],
  assignees: [],
  attachmentCount: 0,
  times: {},
  commentCount: 0,
  createdAt: '2026-08-01T10:00:00.000Z',
  createdBy: 'alice',
  updatedAt: '2026-08-01T10:00:00.000Z',
  updatedBy: 'alice',
  ...o,
});

const query = (o: Partial<CasesFindQuery> = {}): CasesFindQuery => ({
  status: [],
  severity: [],
  tag: [],
  assignee: [],
  page: 1,
  perPage: 20,
  sortField: 'updatedAt',
  sortOrder: 'desc',
  ...o,
});

const cases = [
  summary('a', { severity: 'critical', tags: ['iam'], assignees: ['alice'], updatedAt: '2026-08-01T09:00:00.000Z' }),
  summary('b', { severity: 'low', status: 'closed', tags: ['ssh'], updatedAt: '2026-08-01T12:00:00.000Z' }),
  summary('c', { severity: 'medium', status: 'in-progress', tags: ['iam', 's3'], assignees: ['bob'], updatedAt: '2026-08-01T11:00:00.000Z' }),
  summary('d', { severity: 'high', updatedAt: '2026-08-01T10:00:00.000Z' }),
];
const ids = (q: Partial<CasesFindQuery>) => selectCases(cases, query(q)).cases.map((c) => c.id);

describe('selectCases', () => {
  it('lists the most recently updated first by default', () => {
    expect(ids({})).toEqual(['b', 'c', 'd', 'a']);
  });

  it('keeps cases having any of the values of each filter, all filters together', () => {
    expect(ids({ tag: ['iam'] })).toEqual(['c', 'a']);
    expect(ids({ tag: ['iam'], status: ['open'] })).toEqual(['a']);
    expect(ids({ assignee: ['bob', 'alice'] })).toEqual(['c', 'a']);
    expect(ids({ status: ['open', 'in-progress'], severity: ['high', 'critical'] })).toEqual(['d', 'a']);
  });

  it('sorts severity by rank, not alphabetically', () => {
    expect(ids({ sortField: 'severity', sortOrder: 'desc' })).toEqual(['a', 'd', 'c', 'b']);
  });

  it('pages after filtering and reports the filtered total', () => {
    const res = selectCases(cases, query({ status: ['open', 'in-progress'], perPage: 2, page: 2 }));
    expect(res.total).toBe(3);
    expect(res.cases.map((c) => c.id)).toEqual(['a']);
  });
});
