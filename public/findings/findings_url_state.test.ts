import { DEFAULT_FINDINGS_STATE, readFindingsState, writeFindingsState } from './findings_url_state';

describe('findings URL state', () => {
  it('keeps the plain URL plain', () => {
    expect(writeFindingsState(DEFAULT_FINDINGS_STATE)).toBe('');
    expect(readFindingsState('')).toEqual(DEFAULT_FINDINGS_STATE);
  });

  it('round-trips every filter', () => {
    const state = { ...DEFAULT_FINDINGS_STATE, from: 'now-30d', query: 'a&b=c #x', severity: ['high' as const, 'critical' as const], page: 3, perPage: 50, sortField: 'severity' as const, sortOrder: 'asc' as const };
    expect(readFindingsState(writeFindingsState(state))).toEqual(state);
  });

  it('ignores values the API would reject', () => {
    expect(readFindingsState('?severity=high,bogus&perPage=7&page=-2&sortField=title')).toEqual({ ...DEFAULT_FINDINGS_STATE, severity: ['high'] });
  });
});
