import { DEFAULT_CASES_STATE, hasFilters, readCasesState, writeCasesState } from './cases_url_state';

describe('cases list URL state', () => {
  it('keeps the plain URL plain', () => {
    expect(writeCasesState(DEFAULT_CASES_STATE)).toBe('');
    expect(readCasesState('')).toEqual(DEFAULT_CASES_STATE);
    expect(hasFilters(DEFAULT_CASES_STATE)).toBe(false);
  });

  it('round-trips filters, including tags with commas', () => {
    const state = { ...DEFAULT_CASES_STATE, search: 'bucket acl', status: ['open', 'in-progress'] as const, tag: ['s3, public', 'iam'], assignee: ['alice'], page: 3, sortField: 'severity' as const, sortOrder: 'asc' as const };
    const back = readCasesState(writeCasesState({ ...state, status: [...state.status] }));
    expect(back).toEqual({ ...state, status: ['open', 'in-progress'] });
    expect(hasFilters(back)).toBe(true);
  });

  it('ignores values it does not know', () => {
    expect(readCasesState('?status=pending&severity=urgent&sortField=owner&perPage=7&page=-2')).toEqual(DEFAULT_CASES_STATE);
  });
});
