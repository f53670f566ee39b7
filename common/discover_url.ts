import { DEFAULT_SOURCES, SourceDefinition, SourceDefinitions } from './sources';
import { EvidenceGroup, InvestigationWindow } from './types';
import { risonDecode, RisonValue, risonEncode } from './rison';

/** The app that hosts Discover in OSD 3.x (`/app/data-explorer/discover`). */
export const DISCOVER_APP_ID = 'data-explorer';

/** What Discover should show: one index pattern, one DSL filter, a time range. */
export interface DiscoverTarget {
  indexPatternId: string;
  columns: string[];
  /** Query DSL; log values travel only inside it, never in a DQL string. */
  query: Record<string, unknown>;
  /** The filter pill's label, e.g. the evidence group's question. */
  alias: string;
  from: string;
  to: string;
}

/**
 * Like OSD's `encodeUriQuery` (src/plugins/opensearch_dashboards_utils/common/url/encode_uri_query.ts):
 * percent-encodes everything that could end the hash query (`&`, `#`, `=`) or be rewritten on the
 * way (`//` is collapsed by `getUrlForApp`), while keeping rison's punctuation readable.
 */
export function encodeUriQuery(value: string): string {
  return encodeURIComponent(value)
    .replace(/%40/gi, '@')
    .replace(/%3A/gi, ':')
    .replace(/%24/g, '$')
    .replace(/%2C/gi, ',')
    .replace(/%3B/gi, ';');
}

/** The custom DSL filter Discover shows as one pill labelled with `alias`. */
function customFilter(target: DiscoverTarget): RisonValue {
  return {
    meta: {
      alias: target.alias,
      disabled: false,
      negate: false,
      type: 'custom',
      index: target.indexPatternId,
      key: 'query',
      value: JSON.stringify(target.query),
    },
    query: target.query as RisonValue,
  };
}

/**
 * The path for `core.application.getUrlForApp(DISCOVER_APP_ID, { path })`:
 * `/discover#?_a=(…)&_g=(…)&_q=(…)` as the data-explorer Discover of OSD 3.x reads it.
 */
export function discoverPath(target: DiscoverTarget): string {
  const state: Array<[string, RisonValue]> = [
    [
      '_a',
      {
        discover: { columns: target.columns.length ? target.columns : ['_source'], isDirty: false, sort: [] },
        metadata: { indexPattern: target.indexPatternId, view: 'discover' },
      },
    ],
    [
      '_g',
      {
        filters: [],
        refreshInterval: { pause: true, value: 0 },
        time: { from: target.from, to: target.to },
      },
    ],
    ['_q', { filters: [customFilter(target)], query: { language: 'kuery', query: '' } }],
  ];
  return `/discover#?${state.map(([k, v]) => `${k}=${encodeUriQuery(risonEncode(v))}`).join('&')}`;
}

/** The source definition behind an evidence group: by its index pattern, else by its source id. */
export function sourceForGroup(
  group: Pick<EvidenceGroup, 'indexPattern' | 'source'> & Partial<Pick<EvidenceGroup, 'indexPatternId' | 'timeField'>>,
  sources: SourceDefinitions = DEFAULT_SOURCES
): SourceDefinition {
  const def = Object.values(sources).find((s) => s.indexPattern === group.indexPattern) ?? sources[group.source];
  // The server sends the deployment's configured index pattern; the defaults are only a fallback.
  return { ...def, indexPatternId: group.indexPatternId ?? def.indexPatternId, timeField: group.timeField ?? def.timeField };
}

/**
 * What Discover needs to show an evidence group: its index pattern, columns, query and the
 * investigation window — widened to the group's own hits, since some pivots (Security Hub state)
 * deliberately look further back than the window.
 */
export function discoverTargetForGroup(
  group: Pick<EvidenceGroup, 'indexPattern' | 'source' | 'columns' | 'query' | 'question' | 'hits'> & Partial<Pick<EvidenceGroup, 'indexPatternId' | 'timeField'>>,
  window: InvestigationWindow,
  sources: SourceDefinitions = DEFAULT_SOURCES
): DiscoverTarget {
  const def = sourceForGroup(group, sources);
  let from = Date.parse(window.from);
  let to = Date.parse(window.to);
  for (const h of group.hits) {
    const t = Date.parse(h.timestamp);
    if (Number.isNaN(t)) continue;
    from = Math.min(from, t);
    to = Math.max(to, t + 1000);
  }
  return {
    indexPatternId: def.indexPatternId,
    // Discover always shows the time field first; listing it again would duplicate the column.
    columns: group.columns.filter((c) => c !== def.timeField),
    query: group.query,
    alias: group.question,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
  };
}

export function discoverPathForGroup(
  group: Pick<EvidenceGroup, 'indexPattern' | 'source' | 'columns' | 'query' | 'question' | 'hits'> & Partial<Pick<EvidenceGroup, 'indexPatternId' | 'timeField'>>,
  window: InvestigationWindow,
  sources: SourceDefinitions = DEFAULT_SOURCES
): string {
  return discoverPath(discoverTargetForGroup(group, window, sources));
}

/** Reads the rison state (`_a`, `_g`, `_q`) back out of a Discover URL; used to check links. */
export function parseDiscoverState(url: string): Record<string, RisonValue> {
  const hash = url.slice(url.indexOf('#') + 1);
  const query = hash.slice(hash.indexOf('?') + 1);
  const state: Record<string, RisonValue> = {};
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0) state[decodeURIComponent(part.slice(0, eq))] = risonDecode(decodeURIComponent(part.slice(eq + 1)));
  }
  return state;
}
