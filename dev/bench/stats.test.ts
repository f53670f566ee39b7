import { percentile, summarize } from './stats';

describe('benchmark statistics', () => {
  it('uses the nearest-rank percentile', () => {
    const v = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(v, 50)).toBe(50);
    expect(percentile(v, 95)).toBe(95);
    expect(percentile([5, 1, 3], 50)).toBe(3);
    expect(percentile([7], 95)).toBe(7);
  });

  it('summarizes runs', () => {
    expect(summarize([3, 1, 2])).toEqual({ runs: 3, p50: 2, p95: 3, min: 1, max: 3 });
  });
});
