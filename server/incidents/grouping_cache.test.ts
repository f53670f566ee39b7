import { GroupingCache } from './grouping_cache';

const value = (findings: number) => ({ groups: [], findings });

describe('GroupingCache (the Incidents view paging cache)', () => {
  it('keeps a grouping for its ttl only', () => {
    let now = 1000;
    const cache = new GroupingCache(4, 60_000, () => now);
    cache.set('k', value(1));
    now += 59_000;
    expect(cache.get('k')).toEqual(value(1));
    now += 2_000;
    expect(cache.get('k')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('holds at most maxEntries, dropping the oldest first', () => {
    const cache = new GroupingCache(2, 60_000, () => 0);
    cache.set('a', value(1));
    cache.set('b', value(2));
    cache.set('a', value(3)); // written again: now the newest
    cache.set('c', value(4));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual(value(3));
    expect(cache.get('c')).toEqual(value(4));
    expect(cache.size).toBe(2);
  });
});
