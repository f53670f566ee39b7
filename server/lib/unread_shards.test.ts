import { failedShardsOnly, mergeUnread, unreadOf, UnreadRecord, UNREAD_MAX_INDICES, withUnread } from './unread_shards';

const failure = (index: string, reason = 'Field [severity] of type [keyword] is not supported') => ({ shard: 0, index, reason: { type: 'illegal_argument_exception', reason } });

describe('unreadOf: what one search answer did not read', () => {
  it('is nothing for a complete answer, or one that is not a search answer', () => {
    expect(unreadOf({ timed_out: false, _shards: { total: 3, successful: 3, failed: 0 } })).toBeUndefined();
    expect(unreadOf({ hits: { hits: [] } })).toBeUndefined();
    expect(unreadOf(undefined)).toBeUndefined();
    expect(unreadOf('x')).toBeUndefined();
    expect(unreadOf({ _shards: { failed: -1 } })).toBeUndefined();
  });

  it('counts failed shards of the total, names the indices once and the first reason', () => {
    const u = unreadOf({ _shards: { total: 6, failed: 3, failures: [failure('a'), failure('a'), { index: 'b', reason: 'plain text reason' }] } });
    expect(u).toEqual({ shards: 3, of: 6, indices: ['a', 'b'], reason: 'Field [severity] of type [keyword] is not supported' });
  });

  it('keeps at most 5 indices and clips the reason (log-controlled mappings, long stack-like reasons)', () => {
    const u = unreadOf({ _shards: { total: 20, failed: 8, failures: Array.from({ length: 8 }, (_, i) => failure(`i${i}`, 'x'.repeat(5000))) } })!;
    expect(u.indices).toEqual(['i0', 'i1', 'i2', 'i3', 'i4']);
    expect(u.indices).toHaveLength(UNREAD_MAX_INDICES);
    expect(u.reason.length).toBeLessThanOrEqual(300);
    expect(u.reason.endsWith('…')).toBe(true);
  });

  it('says "unknown" when OpenSearch gave no failure, and notes a timeout without failed shards', () => {
    expect(unreadOf({ _shards: { total: 2, failed: 1 } })).toEqual({ shards: 1, of: 2, indices: [], reason: 'unknown' });
    expect(unreadOf({ timed_out: true, _shards: { total: 2, failed: 0 } })).toEqual({ shards: 0, indices: [], reason: '', timedOut: true });
  });

  it('ignores a total smaller than the failures and non-string indices', () => {
    expect(unreadOf({ _shards: { total: 1, failed: 2, failures: [{ index: 7, reason: { reason: 'r' } }] } })).toEqual({ shards: 2, indices: [], reason: 'r' });
  });
});

describe('several searches of one answer', () => {
  it('counts searches that failed on the same indices once (the most they missed), and adds searches of other indices', () => {
    const a1 = unreadOf({ _shards: { total: 3, failed: 1, failures: [failure('ct-bad')] } });
    const a2 = unreadOf({ _shards: { total: 3, failed: 2, failures: [failure('ct-bad')] } });
    const b = unreadOf({ _shards: { total: 4, failed: 1, failures: [failure('vpc-bad', 'other')] } });
    expect(mergeUnread([a1, a2, undefined, a1])).toEqual({ shards: 2, of: 3, indices: ['ct-bad'], reason: 'Field [severity] of type [keyword] is not supported' });
    expect(mergeUnread([a1, b, a2])).toEqual({ shards: 3, of: 7, indices: ['ct-bad', 'vpc-bad'], reason: 'Field [severity] of type [keyword] is not supported' });
    expect(mergeUnread([undefined])).toBeUndefined();
  });

  it('a timeout alone adds no shards but is said, and the reason is a failure\'s', () => {
    const t = unreadOf({ timed_out: true, _shards: { total: 5, failed: 0 } });
    const f = unreadOf({ _shards: { total: 3, failed: 1, failures: [failure('x', 'why')] } });
    expect(mergeUnread([t, f])).toEqual({ shards: 1, of: 3, indices: ['x'], reason: 'why', timedOut: true });
  });

  it('stays bounded whatever the number of searches', () => {
    const record = new UnreadRecord();
    for (let i = 0; i < 500; i++) record.note({ _shards: { total: 1, failed: 1, failures: [failure(`idx-${i}`)] } });
    const u = record.value()!;
    expect(u.shards).toBe(500);
    expect(u.of).toBe(500);
    expect(u.indices).toHaveLength(UNREAD_MAX_INDICES);
    expect(JSON.stringify(u).length).toBeLessThan(1000);
  });

  it('withUnread adds the field only when something was not read, merged with what the answer had', () => {
    const body: { total: number; unread?: ReturnType<typeof unreadOf> } = { total: 1 };
    expect(withUnread(body, undefined)).toBe(body);
    expect(withUnread(body, undefined)).not.toHaveProperty('unread');
    const u = unreadOf({ _shards: { total: 2, failed: 1, failures: [failure('a')] } });
    expect(withUnread({ total: 1, unread: u }, u)).toEqual({ total: 1, unread: u });
  });
});

describe('failedShardsOnly: an investigation says its timeouts in its own words', () => {
  it('drops a timeout alone, keeps failed shards without the timeout flag', () => {
    const t = unreadOf({ timed_out: true, _shards: { total: 5, failed: 0 } });
    const f = unreadOf({ _shards: { total: 3, failed: 1, failures: [failure('x', 'why')] } });
    expect(failedShardsOnly(t)).toBeUndefined();
    expect(failedShardsOnly(undefined)).toBeUndefined();
    expect(failedShardsOnly(mergeUnread([t, f]))).toEqual({ shards: 1, of: 3, indices: ['x'], reason: 'why' });
  });
});
