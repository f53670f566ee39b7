import { resolveSources } from '../../common/sources';
import { buildCoverageSearches } from './query_builder';
import { readCoverageResponses } from './investigate';

const window = { from: '2021-04-26T10:00:00.000Z', to: '2021-04-27T16:00:00.000Z' };
const sources = resolveSources({ cloudtrail: { indexPattern: 'log-aws-cloudtrail-*,other:log-aws-cloudtrail-*' } });
const searches = buildCoverageSearches(sources, ['cloudtrail', 'guardduty'], window);

describe('coverage across clusters', () => {
  it('sums the clusters that answered; a skipped remote is its own line with an error, not a failure', () => {
    const coverage = readCoverageResponses(['cloudtrail', 'guardduty'], sources, searches, [
      { _shards: { total: 3 }, hits: { total: { value: 120, relation: 'eq' } } },
      { _shards: { total: 0 }, _clusters: { total: 1, successful: 0, skipped: 1 }, hits: { total: { value: 0, relation: 'eq' } } },
      { _shards: { total: 1 }, hits: { total: { value: 10000, relation: 'gte' } } },
    ]);
    const [ct, gd] = coverage;
    expect(ct.docsInWindow).toBe(120);
    expect(ct.error).toBeUndefined();
    expect(ct.clusters!.map((c) => c.cluster)).toEqual(['(local)', 'other']);
    expect(ct.clusters![1].error).toMatch(/did not answer/);
    expect(ct.clusters![1].absent).toBeUndefined();
    expect(gd).toEqual({ source: 'guardduty', indexPattern: 'log-aws-guardduty-*', docsInWindow: 10000, docsInWindowIsLowerBound: true });
  });

  it('is an error line for the source only when no cluster answered', () => {
    const down = { error: { type: 'connect_transport_exception', reason: 'connect refused' } };
    const [ct] = readCoverageResponses(['cloudtrail'], sources, searches.slice(0, 2), [down, down]);
    expect(ct.error).toBe('(local): connect refused; other: connect refused');
    expect(ct.docsInWindow).toBe(0);
  });
});
