import { OBSERVABLE_SAVED_OBJECT_TYPE } from '../../common/constants';
import { KeyMatch, listOrderOf, LookupTally, migrateObservableDocument, rankSimilar, seenOrderOf, timeOrder } from './observables';

const m = (caseId: string, key: string, minute: number): KeyMatch => ({ caseId, key, type: 'ip', value: key, seenOrder: seenOrderOf(new Date(Date.UTC(2030, 0, 1, 0, minute)).toISOString(), `${caseId}-${key}`) });
/** A search's page: the most recently seen first, at most `size`. */
const page = (all: KeyMatch[], open: string[], size: number) => {
  const hits = all.filter((x) => open.includes(x.key)).sort((a, b) => (a.seenOrder < b.seenOrder ? 1 : -1));
  return { hits: hits.slice(0, size), complete: hits.length <= size };
};

describe('observable sort keys', () => {
  it('orders times as keywords for every date a Date holds, earliest first; a non-time sorts first', () => {
    const times = ['-000001-01-01T00:00:00.000Z', '1969-12-31T23:59:59.999Z', '1970-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z', '+275760-09-13T00:00:00.000Z'];
    const keys = times.map(timeOrder);
    expect([...keys].sort()).toEqual(keys);
    expect(keys.every((k) => k.length === 17)).toBe(true);
    expect(timeOrder('not a time') < keys[0]).toBe(true);
  });

  it('seenOrder is unique per observable with equal times; listOrder puts IOCs first in descending order', () => {
    const t = '2030-01-01T00:00:00.000Z';
    expect(seenOrderOf(t, 'a')).not.toEqual(seenOrderOf(t, 'b'));
    expect(listOrderOf(true, '2000-01-01T00:00:00.000Z', 'a') > listOrderOf(false, t, 'b')).toBe(true);
    expect(listOrderOf(false, t, 'b') > listOrderOf(false, '2029-01-01T00:00:00.000Z', 'b')).toBe(true);
  });

  it('the migration gives an observable stored before the sort keys the keys a create gives it, and is idempotent', () => {
    const doc = { id: 'ck-k1', type: OBSERVABLE_SAVED_OBJECT_TYPE, attributes: { caseId: 'c', key: 'k1', lastSeen: '2030-01-01T00:00:00.000Z', ioc: true } };
    const once = migrateObservableDocument(doc);
    expect(once.attributes).toMatchObject({ caseId: 'c', seenOrder: seenOrderOf('2030-01-01T00:00:00.000Z', 'ck-k1'), listOrder: listOrderOf(true, '2030-01-01T00:00:00.000Z', 'ck-k1') });
    expect(migrateObservableDocument(once)).toEqual(once);
    expect(migrateObservableDocument({ id: 'x', type: OBSERVABLE_SAVED_OBJECT_TYPE, attributes: {} }).attributes).toMatchObject({ seenOrder: `${timeOrder('')}~x` });
  });
});

describe('LookupTally', () => {
  it('one search that reads every match is complete and bounds nothing', () => {
    const all = [m('c1', 'a', 1), m('c2', 'a', 2), m('c2', 'b', 3)];
    const t = new LookupTally(['a', 'b'], 2);
    const p = page(all, t.open, 10);
    expect(t.take(p.hits, p.complete)).toBe(false);
    expect(t.bounded().size).toBe(0);
    expect([...t.casesOfKey().get('a')!].sort()).toEqual(['c1', 'c2']);
    expect(t.byCase().get('c2')!.map((x) => x.key).sort()).toEqual(['a', 'b']);
  });

  it('a crowded key is capped at its most recent matches and the next search reads the others in full', () => {
    // 50 recent matches of "crowd", 3 old ones of "rare": a page of 10 holds only the crowd.
    const all = [...Array.from({ length: 50 }, (_, i) => m(`crowd-${i}`, 'crowd', 100 + i)), m('r1', 'rare', 1), m('r2', 'rare', 2), m('r3', 'rare', 3)];
    const t = new LookupTally(['crowd', 'rare'], 5);
    let p = page(all, t.open, 10);
    expect(p.hits.every((x) => x.key === 'crowd')).toBe(true);
    expect(t.take(p.hits, p.complete)).toBe(true);
    expect(t.open).toEqual(['rare']);
    p = page(all, t.open, 10);
    expect(t.take(p.hits, p.complete)).toBe(false);
    expect([...t.bounded()]).toEqual([['crowd', 5]]);
    // The crowd's five most recent.
    expect([...t.casesOfKey().get('crowd')!]).toEqual(['crowd-49', 'crowd-48', 'crowd-47', 'crowd-46', 'crowd-45']);
    expect([...t.casesOfKey().get('rare')!].sort()).toEqual(['r1', 'r2', 'r3']);
  });

  it('when no key reaches its cap, the open keys stay bounded (said, never taken as complete)', () => {
    const all = Array.from({ length: 12 }, (_, i) => m(`c${i}`, `k${i % 4}`, i));
    const t = new LookupTally(['k0', 'k1', 'k2', 'k3'], 5);
    const p = page(all, t.open, 8);
    expect(t.take(p.hits, p.complete)).toBe(false);
    expect([...t.bounded().keys()].sort()).toEqual(['k0', 'k1', 'k2', 'k3']);
    expect([...t.bounded().values()].reduce((a, b) => a + b, 0)).toBe(8);
  });
});

describe('rankSimilar', () => {
  it('most shared first, then the rarer shared value, then the most recently seen, then id', () => {
    const crowd = Array.from({ length: 20 }, (_, i) => m(`crowd-${i}`, 'ip', 50 + i));
    const matches = [...crowd, m('rare-case', 'key', 1), m('both', 'ip', 2), m('both', 'key', 3)];
    const byCase = new Map<string, KeyMatch[]>();
    for (const x of matches) byCase.set(x.caseId, [...(byCase.get(x.caseId) ?? []), x]);
    const casesOfKey = new Map<string, Set<string>>();
    for (const x of matches) casesOfKey.set(x.key, new Set([...(casesOfKey.get(x.key) ?? []), x.caseId]));
    const ranked = rankSimilar({ byCase, casesOfKey }).map(([id]) => id);
    expect(ranked.slice(0, 3)).toEqual(['both', 'rare-case', 'crowd-19']);
    expect(ranked[ranked.length - 1]).toBe('crowd-0');
    // Shared values rarest first.
    expect(rankSimilar({ byCase, casesOfKey })[0][1].map((x) => x.key)).toEqual(['key', 'ip']);
    expect(rankSimilar({ byCase, casesOfKey }, new Set(['crowd-3', 'rare-case'])).map(([id]) => id)).toEqual(['rare-case', 'crowd-3']);
  });
});
