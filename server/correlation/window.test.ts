import { investigationWindow, parseDuration } from './window';

describe('investigation window', () => {
  it('spans from before the first activity to after the last', () => {
    expect(investigationWindow('2021-04-27T10:24:05Z', '2021-04-27T10:40:06Z', { before: '1h', after: '30m' })).toEqual({
      from: '2021-04-27T09:24:05.000Z',
      to: '2021-04-27T11:10:06.000Z',
    });
  });

  it('defaults to 24 hours before and 6 hours after', () => {
    expect(investigationWindow('2021-04-27T10:00:00Z', '2021-04-27T10:00:00Z')).toEqual({
      from: '2021-04-26T10:00:00.000Z',
      to: '2021-04-27T16:00:00.000Z',
    });
  });

  it('cuts a finding active for months to the most recent 30 days', () => {
    const w = investigationWindow('2021-01-01T00:00:00Z', '2021-04-27T00:00:00Z', { before: '1d', after: '1d' });
    expect(Date.parse(w.to) - Date.parse(w.from)).toBe(30 * 86400000);
    expect(w.to).toBe('2021-04-28T00:00:00.000Z');
  });

  it('refuses windows that are too large or malformed', () => {
    expect(() => investigationWindow('2021-04-27T10:00:00Z', '2021-04-27T10:00:00Z', { before: '31d' })).toThrow(/at most 30 days/);
    expect(() => parseDuration('1w', 'window.before')).toThrow(/duration/);
    expect(() => parseDuration('-1h', 'window.before')).toThrow(/duration/);
    expect(parseDuration('90m', 'x')).toBe(5400000);
  });
});
