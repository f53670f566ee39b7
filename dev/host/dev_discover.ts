/**
 * The data half of the dev host's Discover stand-in (`/app/dev-discover`): the newest documents of
 * a few index patterns, or those matching a Lucene query (`?q=`), as Discover's search returns
 * them (`_index`, `_id`, `_source`). It exists only to exercise the plugin's Discover and Explore
 * extension points end to end; it is not part of the plugin.
 */
import type http from 'http';
import type { Client } from '@opensearch-project/opensearch';

export const DEV_DISCOVER_HITS_PATH = '/internal/dev-discover/hits';

export interface DevDiscoverOptions {
  opensearch: Client;
  /** One group per pattern, e.g. the four SIEM sources and an unrelated index. */
  indexPatterns: string[];
  /** Documents per pattern. */
  size?: number;
}

export interface DevDiscoverGroup {
  indexPattern: string;
  total: number;
  hits: Array<{ _index: string; _id: string; _source: Record<string, unknown> }>;
  error?: string;
}

async function searchGroup(opts: DevDiscoverOptions, indexPattern: string, q: string): Promise<DevDiscoverGroup> {
  try {
    const { body } = await opts.opensearch.search({
      index: indexPattern,
      ignore_unavailable: true,
      allow_no_indices: true,
      body: {
        size: opts.size ?? 5,
        track_total_hits: true,
        query: q ? { query_string: { query: q } } : { match_all: {} },
        sort: [{ '@timestamp': { order: 'desc', unmapped_type: 'date' } }],
      },
    } as any);
    return {
      indexPattern,
      total: body.hits.total.value,
      hits: body.hits.hits.map((h: { _index: string; _id: string; _source: Record<string, unknown> }) => ({ _index: h._index, _id: h._id, _source: h._source })),
    };
  } catch (e) {
    const reason = (e as { meta?: { body?: { error?: { root_cause?: Array<{ reason?: string }> } } } }).meta?.body?.error?.root_cause?.[0]?.reason;
    return { indexPattern, total: 0, hits: [], error: reason ?? (e as Error).message };
  }
}

/** A `serveStatic` handler answering `GET /internal/dev-discover/hits?q=`. */
export function createDevDiscoverHandler(opts: DevDiscoverOptions) {
  return async (req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> => {
    if (req.method !== 'GET' || url.pathname !== DEV_DISCOVER_HITS_PATH) return false;
    const q = (url.searchParams.get('q') ?? '').trim();
    const groups = await Promise.all(opts.indexPatterns.map((p) => searchGroup(opts, p, q)));
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ groups }));
    return true;
  };
}
