import { LIMITS } from '../../common/constants';
import { FindingsResponse, Severity } from '../../common/types';
import { SourceDefinition } from '../../common/sources';
import { isIP } from 'net';
import { escapeWildcard } from '../correlation/entity_values';
import { TIE_BREAKER } from '../correlation/query_builder';
import { SEVERITY_RANGES, summarizeFinding } from '../correlation/finding';
import { entitiesOfDocument } from '../cases/observables';
import { flattenDocument } from '../../common/flatten';
import { SearchResponseItem, totalOf } from '../correlation/response_parser';
import { OpenSearchReader } from '../lib/opensearch_reader';

export interface FindingsQuery {
  from: string;
  to: string;
  query?: string;
  severity: Severity[];
  page: number;
  perPage: number;
  sortField: 'timestamp' | 'severity';
  sortOrder: 'asc' | 'desc';
}

/** Free text from the user, matched literally against the fields an analyst would type into. */
function textQuery(text: string): Record<string, unknown> {
  const like = `*${escapeWildcard(text)}*`;
  const should: Array<Record<string, unknown>> = [
    { multi_match: { query: text, fields: ['description', '@message'], type: 'phrase', lenient: true } },
    { wildcard: { type: { value: like, case_insensitive: true } } },
    { wildcard: { title: { value: like, case_insensitive: true } } },
    { terms: { '@id': [text] } },
    { terms: { 'user.id': [text] } },
    { terms: { 'user.name': [text] } },
    { terms: { 'cloud.instance.id': [text] } },
  ];
  if (isIP(text)) should.push({ terms: { 'related.ip': [text] } }, { terms: { 'source.ip': [text] } }, { terms: { 'destination.ip': [text] } });
  return { bool: { should, minimum_should_match: 1 } };
}

export function buildFindingsSearch(q: FindingsQuery, def: SourceDefinition): Record<string, unknown> {
  const filter: Array<Record<string, unknown>> = [{ range: { [def.timeField]: { gte: q.from, lte: q.to } } }];
  if (q.severity.length) {
    filter.push({ bool: { should: q.severity.map((s) => ({ range: { severity: SEVERITY_RANGES[s] } })), minimum_should_match: 1 } });
  }
  if (q.query) filter.push(textQuery(q.query));
  const order = q.sortOrder;
  return {
    query: { bool: { filter } },
    // GuardDuty writes one document per count update: one row per finding id, and whatever the
    // list is sorted by, the row shows the finding's newest document.
    collapse: {
      field: '@id',
      inner_hits: { name: 'latest', size: 1, sort: [{ [def.timeField]: { order: 'desc' } }], _source: { excludes: ['@message'] } },
    },
    sort:
      q.sortField === 'severity'
        ? [{ severity: { order, unmapped_type: 'float' } }, { [def.timeField]: { order: 'desc' } }, TIE_BREAKER]
        : [{ [def.timeField]: { order } }, TIE_BREAKER],
    from: (q.page - 1) * q.perPage,
    size: q.perPage,
    track_total_hits: true,
    timeout: LIMITS.searchTimeout,
    _source: { excludes: ['@message'] },
    aggs: { findings: { cardinality: { field: '@id', precision_threshold: 40000 } } },
  };
}

/** Entities listed per finding for its "seen in N cases" badge (a page of 100 stays within one lookup's keys). */
export const FINDING_LIST_ENTITIES = 5;

type CollapsedHit = { _index: string; _id: string; _source?: Record<string, unknown>; inner_hits?: { latest?: { hits?: { hits?: Array<{ _index: string; _id: string; _source?: Record<string, unknown> }> } } } };

export function parseFindings(body: SearchResponseItem & { aggregations?: { findings?: { value?: number } } }): FindingsResponse {
  const hits = (body.hits?.hits ?? []) as CollapsedHit[];
  return {
    total: body.aggregations?.findings?.value ?? totalOf(body),
    findings: hits.map((h) => {
      const latest = h.inner_hits?.latest?.hits?.hits?.[0] ?? h;
      const source = latest._source ?? {};
      const entities = entitiesOfDocument(source).slice(0, FINDING_LIST_ENTITIES).map(({ type, value }) => ({ type, value }));
      return { ...summarizeFinding(latest._index, latest._id, flattenDocument(source)), entities };
    }),
  };
}

export async function listFindings(reader: OpenSearchReader, q: FindingsQuery, def: SourceDefinition): Promise<FindingsResponse> {
  const body = await reader.search<SearchResponseItem>(def.indexPattern, buildFindingsSearch(q, def), { ignore_unavailable: true, allow_no_indices: true });
  return parseFindings(body);
}
