import { approximateInstant } from './date_math';

describe('approximate date math', () => {
  const now = Date.parse('2026-11-29T12:00:00Z');
  it('reads ISO dates and relative times', () => {
    expect(approximateInstant('2021-04-27T10:00:00Z', now)).toBe(Date.parse('2021-04-27T10:00:00Z'));
    expect(approximateInstant('now', now)).toBe(now);
    expect(approximateInstant('now-7d', now)).toBe(now - 7 * 864e5);
    expect(approximateInstant('now-1d+2h/d', now)).toBe(now - 864e5 + 2 * 36e5);
    expect(approximateInstant('now-2y', now)).toBe(now - 2 * 31536e6);
  });
});
