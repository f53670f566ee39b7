import { asMgetDoc } from './opensearch_reader';

/** A remote cluster's documents are read by a search by id: its answer, as a multi-get's entry. */
describe('asMgetDoc', () => {
  const d = { _index: 'other:log-aws-cloudtrail-2021-04', _id: 'a' };

  it('is found, or not found when every shard answered', () => {
    expect(asMgetDoc(d, { _shards: { failed: 0 }, hits: { hits: [{ _index: d._index, _id: 'a', _source: { x: 1 } }] } })).toEqual({ ...d, found: true, _source: { x: 1 } });
    expect(asMgetDoc(d, { _shards: { failed: 0 }, hits: { hits: [] } })).toEqual({ ...d, found: false });
  });

  it('is unknown, not "not found", when shards failed or the search timed out', () => {
    expect(asMgetDoc(d, { _shards: { failed: 1 }, hits: { hits: [] } })).toEqual({ ...d, error: { type: 'shards_unread', reason: `some shards of ${d._index} could not be read` } });
    expect(asMgetDoc(d, { timed_out: true, hits: { hits: [] } })).toMatchObject({ error: { type: 'shards_unread' } });
    // Found on a shard that answered: found, whatever the others did.
    expect(asMgetDoc(d, { _shards: { failed: 1 }, hits: { hits: [{ _index: d._index, _id: 'a', _source: {} }] } })).toMatchObject({ found: true });
  });
});
