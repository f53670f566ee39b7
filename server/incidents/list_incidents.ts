import { IncidentsResponse, INCIDENT_LIMITS } from '../../common/incident_types';
import { SourceDefinition } from '../../common/sources';
import { flattenDocument } from '../../common/flatten';
import { LIMITS } from '../../common/constants';
import { FINDING_READ_FIELDS, summarizeFinding } from '../correlation/finding';
import { badRequest, HttpError } from '../lib/errors';
import { OpenSearchReader, OpenSearchResponseError } from '../lib/opensearch_reader';
import { ExclusionList, groupIncidents, GroupingInput } from './group';

export interface IncidentsQuery {
  from: string;
  to: string;
  /** Sliding window, e.g. "24h". */
  window: string;
  windowMs: number;
  page: number;
  perPage: number;
}

/**
 * One search: the findings of the range, one `terms` bucket per finding id, each with its newest
 * document (`top_hits` size 1, only the fields the summary and the entities are read from). The
 * count updates of a finding are never loaded; `maxFindings` bounds the buckets (below OpenSearch's
 * default `search.max_buckets` of 65,535).
 */
export function buildIncidentsSearch(q: Pick<IncidentsQuery, 'from' | 'to'>, def: SourceDefinition, maxFindings: number = INCIDENT_LIMITS.maxFindings): Record<string, unknown> {
  return {
    size: 0,
    timeout: LIMITS.searchTimeout,
    track_total_hits: false,
    query: { bool: { filter: [{ range: { [def.timeField]: { gte: q.from, lte: q.to } } }] } },
    aggs: {
      findings: {
        terms: { field: '@id', size: maxFindings, order: { _key: 'asc' } },
        aggs: {
          latest: { top_hits: { size: 1, sort: [{ [def.timeField]: { order: 'desc' } }], _source: { includes: [...FINDING_READ_FIELDS] } } },
        },
      },
    },
  };
}

interface IncidentsSearchResponse {
  timed_out?: boolean;
  aggregations?: {
    findings?: {
      sum_other_doc_count?: number;
      buckets?: Array<{ key: string; latest?: { hits?: { hits?: Array<{ _index: string; _id: string; _source?: Record<string, unknown> }> } } }>;
    };
  };
}

function tooLarge(max: number): HttpError {
  return badRequest(`The time range holds more than ${max} findings, more than the Incidents view groups at once; choose a shorter time range`);
}

/** The newest document of every finding of the range, read for grouping. */
export async function readFindingsForGrouping(reader: OpenSearchReader, q: Pick<IncidentsQuery, 'from' | 'to'>, def: SourceDefinition, maxFindings: number = INCIDENT_LIMITS.maxFindings): Promise<GroupingInput[]> {
  let body: IncidentsSearchResponse;
  try {
    body = await reader.search<IncidentsSearchResponse>(def.indexPattern, buildIncidentsSearch(q, def, maxFindings), { ignore_unavailable: true, allow_no_indices: true });
  } catch (e) {
    // OpenSearch refuses an aggregation with more buckets than `search.max_buckets` allows.
    if (e instanceof OpenSearchResponseError && /too_many_buckets/i.test(`${JSON.stringify(e.body ?? null)} ${e.message}`)) throw tooLarge(maxFindings);
    throw e;
  }
  if (body.timed_out) throw new HttpError(504, 'OpenSearch did not finish grouping the findings in time; choose a shorter time range');
  const agg = body.aggregations?.findings;
  if ((agg?.sum_other_doc_count ?? 0) > 0) throw tooLarge(maxFindings);
  const out: GroupingInput[] = [];
  for (const b of agg?.buckets ?? []) {
    const hit = b.latest?.hits?.hits?.[0];
    if (!hit) continue;
    const source = hit._source ?? {};
    const doc = flattenDocument(source);
    const service = source.service as { detection?: { sequence?: { signals?: unknown } } } | undefined;
    const signals = service?.detection?.sequence?.signals;
    out.push({ summary: summarizeFinding(hit._index, hit._id, doc), doc, ...(signals !== undefined ? { signals } : {}) });
  }
  return out;
}

export async function listIncidents(
  reader: OpenSearchReader,
  q: IncidentsQuery,
  def: SourceDefinition,
  exclusions: ExclusionList,
  maxFindings: number = INCIDENT_LIMITS.maxFindings
): Promise<IncidentsResponse> {
  const started = Date.now();
  const inputs = await readFindingsForGrouping(reader, q, def, maxFindings);
  const incidents = groupIncidents(inputs, { windowMs: q.windowMs, exclusions });
  const start = (q.page - 1) * q.perPage;
  return {
    total: incidents.length,
    findings: inputs.length,
    page: q.page,
    perPage: q.perPage,
    window: q.window,
    incidents: incidents.slice(start, start + q.perPage),
    took: { ms: Date.now() - started },
  };
}
