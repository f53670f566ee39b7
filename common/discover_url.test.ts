import { discoverPath, discoverPathForGroup, discoverTargetForGroup, encodeUriQuery, parseDiscoverState } from './discover_url';
import { DEFAULT_SOURCES, resolveSources } from './sources';
import { EvidenceGroup } from './types';

const XSS = '<img src=x onerror=alert(1)>';

const group: Pick<EvidenceGroup, 'indexPattern' | 'source' | 'columns' | 'query' | 'question' | 'hits'> = {
  source: 'cloudtrail',
  indexPattern: 'log-aws-cloudtrail-*',
  question: 'What did the credentials do, and from where?',
  columns: ['@timestamp', 'event.action', 'source.ip', 'user_agent.original'],
  query: { bool: { filter: [{ terms: { 'user.id': ['ASIAEXAMPLE', "it's & #x/y//z"] } }, { term: { 'user_agent.original': XSS } }] } },
  hits: [],
};
const window = { from: '2021-04-26T10:00:00.000Z', to: '2021-04-27T16:00:00.000Z' };

describe('Open in Discover URL', () => {
  const path = discoverPathForGroup(group, window);
  const state = parseDiscoverState(path) as any;

  it('targets data-explorer Discover with the app, global and query state', () => {
    expect(path.startsWith('/discover#?_a=')).toBe(true);
    expect(Object.keys(state)).toEqual(['_a', '_g', '_q']);
  });

  it('selects the source index pattern and the group columns without the time field', () => {
    expect(state._a).toEqual({
      discover: { columns: ['event.action', 'source.ip', 'user_agent.original'], isDirty: false, sort: [] },
      metadata: { indexPattern: DEFAULT_SOURCES.cloudtrail.indexPatternId, view: 'discover' },
    });
  });

  it('uses the investigation window as an absolute time range', () => {
    expect(state._g).toEqual({ filters: [], refreshInterval: { pause: true, value: 0 }, time: { from: window.from, to: window.to } });
  });

  it('carries the DSL as one custom filter labelled with the question, and an empty DQL query', () => {
    expect(state._q.query).toEqual({ language: 'kuery', query: '' });
    expect(state._q.filters).toHaveLength(1);
    const [filter] = state._q.filters;
    expect(filter.query).toEqual(group.query);
    expect(filter.meta).toEqual({
      alias: group.question,
      disabled: false,
      negate: false,
      type: 'custom',
      index: DEFAULT_SOURCES.cloudtrail.indexPatternId,
      key: 'query',
      value: JSON.stringify(group.query),
    });
  });

  it('keeps attacker-controlled values out of the URL structure', () => {
    // Nothing that ends the hash query, starts a new one or collapses in getUrlForApp.
    const hashQuery = path.slice(path.indexOf('#?') + 2);
    expect(hashQuery.split('&').map((p) => p.split('=')[0])).toEqual(['_a', '_g', '_q']);
    expect(hashQuery).not.toMatch(/[#<>" ]/);
    expect(path).not.toContain('//');
  });

  it('widens the time range to hits that predate the window (state pivots look back further)', () => {
    const t = discoverTargetForGroup({ ...group, hits: [{ ref: { index: 'i', id: '1' }, timestamp: '2021-04-01T00:00:00.000Z', fields: {} }] }, window);
    expect(t.from).toBe('2021-04-01T00:00:00.000Z');
    expect(t.to).toBe(window.to);
  });

  it('follows configured index patterns to their index pattern id', () => {
    const sources = resolveSources({ cloudtrail: { indexPattern: 'e2e-log-aws-cloudtrail-*', indexPatternId: 'custom-id' } });
    const t = discoverTargetForGroup({ ...group, indexPattern: 'e2e-log-aws-cloudtrail-*' }, window, sources);
    expect(t.indexPatternId).toBe('custom-id');
  });

  it('falls back to _source when a group has no columns', () => {
    const s = parseDiscoverState(discoverPath({ indexPatternId: 'x', columns: [], query: {}, alias: 'a', from: window.from, to: window.to })) as any;
    expect(s._a.discover.columns).toEqual(['_source']);
  });
});

describe('encodeUriQuery', () => {
  it('matches OSD: keeps rison punctuation, encodes query delimiters and slashes', () => {
    expect(encodeUriQuery("(a:'b c',d:!(1,2))")).toBe("(a:'b%20c',d:!(1,2))");
    expect(encodeUriQuery('a&b=c#d/e?f')).toBe('a%26b%3Dc%23d%2Fe%3Ff');
  });
});
