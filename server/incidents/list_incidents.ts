import { IncidentsResponse, INCIDENT_LIMITS } from '../../common/incident_types';
import { SourceDefinition } from '../../common/sources';
import { FlatDoc, flattenDocument } from '../../common/flatten';
import { LIMITS } from '../../common/constants';
import { FINDING_READ_FIELDS, REMOTE_IP_FIELDS, summarizeFinding } from '../correlation/finding';
import { badRequest, HttpError } from '../lib/errors';
import { OpenSearchReader, OpenSearchResponseError } from '../lib/opensearch_reader';
import { describeGroup, ExclusionList, groupFindings, GroupingInput, rebuildIncident } from './group';

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
 * The raw GuardDuty fields that can group findings (entity types of GROUPING_ENTITY_TYPES), each
 * aggregated on its own: the remote-address fields only (an instance's own addresses live in other
 * fields and never group), the principal id for the instance it names, the signals of an attack
 * sequence and the caller's account (evidence linking accounts).
 */
export const GROUPING_FIELDS: readonly string[] = [
  'resource.accessKeyDetails.accessKeyId',
  'service.detection.sequence.actors.user.credentialUid',
  'resource.accessKeyDetails.userName',
  'resource.accessKeyDetails.principalId',
  'resource.lambdaDetails.role',
  'service.detection.sequence.actors.user.uid',
  'resource.instanceDetails.instanceId',
  // The remote addresses, from the one list of the entity model.
  ...REMOTE_IP_FIELDS,
  'service.action.awsApiCallAction.affectedResources.AWS::S3::Bucket',
  'resource.s3BucketDetails.name',
  'resource.eksClusterDetails.name',
  'resource.ecsClusterDetails.name',
  'service.detection.sequence.signals.uid',
  'service.action.awsApiCallAction.remoteAccountDetails.accountId',
];

/**
 * Round trip 1, aggregations only (no document is read): one bucket per finding id with its
 * activity span and severity, and per account and grouping field the finding ids naming each
 * value. Buckets: findings + (value, finding) pairs, bounded by `search.max_buckets`.
 */
export function buildGroupingSearch(q: Pick<IncidentsQuery, 'from' | 'to'>, def: SourceDefinition, maxFindings: number = INCIDENT_LIMITS.maxFindings): Record<string, unknown> {
  const fieldAggs: Record<string, unknown> = {};
  GROUPING_FIELDS.forEach((field, i) => {
    fieldAggs[`f${i}`] = {
      terms: { field, size: maxFindings },
      aggs: {
        ids: { terms: { field: '@id', size: maxFindings } },
        ...(field === 'resource.accessKeyDetails.userName' ? { kind: { terms: { field: 'resource.accessKeyDetails.userType', size: 1 } } } : {}),
      },
    };
  });
  return {
    size: 0,
    timeout: LIMITS.searchTimeout,
    track_total_hits: false,
    query: { bool: { filter: [{ range: { [def.timeField]: { gte: q.from, lte: q.to } } }] } },
    aggs: {
      findings: {
        terms: { field: '@id', size: maxFindings, order: { _key: 'asc' } },
        aggs: { first: { min: { field: def.timeField } }, last: { max: { field: def.timeField } }, severity: { max: { field: 'severity' } } },
      },
      accounts: { terms: { field: 'accountId', size: 1000, missing: '' }, aggs: fieldAggs },
    },
  };
}

/** Round trip 2: the newest document of the page's member findings only. */
export function buildMembersSearch(ids: string[], q: Pick<IncidentsQuery, 'from' | 'to'>, def: SourceDefinition): Record<string, unknown> {
  return {
    size: ids.length,
    timeout: LIMITS.searchTimeout,
    track_total_hits: false,
    query: { bool: { filter: [{ terms: { '@id': ids } }, { range: { [def.timeField]: { gte: q.from, lte: q.to } } }] } },
    collapse: { field: '@id' },
    sort: [{ [def.timeField]: { order: 'desc' } }],
    _source: { includes: [...FINDING_READ_FIELDS] },
  };
}

interface Bucket {
  key: string | number;
  key_as_string?: string;
  doc_count?: number;
  first?: { value?: number | null; value_as_string?: string };
  last?: { value?: number | null; value_as_string?: string };
  severity?: { value?: number | null };
  ids?: { buckets?: Bucket[]; sum_other_doc_count?: number };
  kind?: { buckets?: Bucket[] };
  [agg: string]: unknown;
}
interface Terms {
  buckets?: Bucket[];
  sum_other_doc_count?: number;
}
interface GroupingSearchResponse {
  timed_out?: boolean;
  aggregations?: { findings?: Terms; accounts?: Terms };
}
interface MembersSearchResponse {
  hits?: { hits?: Array<{ _index: string; _id: string; _source?: Record<string, unknown> }> };
}

function tooLarge(max: number): HttpError {
  return badRequest(`The time range holds more than ${max} findings (or more shared values than OpenSearch's search.max_buckets allows), more than the Incidents view groups at once; choose a shorter time range`);
}

function keyOf(b: Bucket): string {
  return b.key_as_string ?? String(b.key);
}

async function search<T>(reader: OpenSearchReader, def: SourceDefinition, body: Record<string, unknown>, max: number): Promise<T> {
  try {
    return await reader.search<T>(def.indexPattern, body, { ignore_unavailable: true, allow_no_indices: true });
  } catch (e) {
    // OpenSearch refuses an aggregation with more buckets than `search.max_buckets` allows.
    if (e instanceof OpenSearchResponseError && /too_many_buckets/i.test(`${JSON.stringify(e.body ?? null)} ${e.message}`)) throw tooLarge(max);
    throw e;
  }
}

/**
 * Every finding of the range as a small document rebuilt from the aggregation (its id, account,
 * activity span, severity and the grouping values it names), ready for `groupIncidents`.
 */
export function groupingInputsOf(body: GroupingSearchResponse, maxFindings: number): GroupingInput[] {
  const findings = body.aggregations?.findings;
  if ((findings?.sum_other_doc_count ?? 0) > 0) throw tooLarge(maxFindings);
  const docs = new Map<string, FlatDoc>();
  for (const b of findings?.buckets ?? []) {
    const id = keyOf(b);
    const doc: FlatDoc = Object.create(null);
    doc['@id'] = id;
    doc.id = id;
    doc.type = 'unknown';
    doc.severity = String(b.severity?.value ?? 0);
    if (b.first?.value_as_string) doc['service.eventFirstSeen'] = b.first.value_as_string;
    if (b.last?.value_as_string) {
      doc['service.eventLastSeen'] = b.last.value_as_string;
      doc['@timestamp'] = b.last.value_as_string;
    }
    docs.set(id, doc);
  }
  const add = (doc: FlatDoc, field: string, value: string) => {
    const v = doc[field];
    if (v === undefined) doc[field] = value;
    else if (typeof v === 'string') doc[field] = v === value ? v : [v, value];
    else if (!v.includes(value)) v.push(value);
  };
  for (const acct of body.aggregations?.accounts?.buckets ?? []) {
    const account = keyOf(acct);
    GROUPING_FIELDS.forEach((field, i) => {
      const terms = acct[`f${i}`] as Terms | undefined;
      if ((terms?.sum_other_doc_count ?? 0) > 0) throw tooLarge(maxFindings);
      for (const v of terms?.buckets ?? []) {
        if ((v.ids?.sum_other_doc_count ?? 0) > 0) throw tooLarge(maxFindings);
        const value = keyOf(v);
        const kind = v.kind?.buckets?.[0] ? keyOf(v.kind.buckets[0]) : undefined;
        for (const idBucket of v.ids?.buckets ?? []) {
          const doc = docs.get(keyOf(idBucket));
          if (!doc) continue;
          if (account) doc.accountId = account;
          add(doc, field, value);
          if (kind) doc['resource.accessKeyDetails.userType'] = kind;
        }
      }
    });
  }
  return [...docs.values()].map((doc) => {
    const uids = doc['service.detection.sequence.signals.uid'];
    const signals = uids === undefined ? undefined : (Array.isArray(uids) ? uids : [uids]).map((uid) => ({ uid }));
    return { summary: summarizeFinding('', doc.id as string, doc), doc, ...(signals ? { signals } : {}) };
  });
}

/**
 * The Incidents page in two searches. Memory: the grouping holds every finding id of the range
 * with its grouping values (bounded by `maxFindings` and the aggregation's buckets); documents are
 * read only for the members shown on the page (at most INCIDENT_LIMITS.maxMembers per incident).
 */
export async function listIncidents(
  reader: OpenSearchReader,
  q: IncidentsQuery,
  def: SourceDefinition,
  exclusions: ExclusionList,
  maxFindings: number = INCIDENT_LIMITS.maxFindings
): Promise<IncidentsResponse> {
  const started = Date.now();
  const body = await search<GroupingSearchResponse>(reader, def, buildGroupingSearch(q, def, maxFindings), maxFindings);
  if (body.timed_out) throw new HttpError(504, 'OpenSearch did not finish grouping the findings in time; choose a shorter time range');
  const inputs = groupingInputsOf(body, maxFindings);
  const grouped = groupFindings(inputs, { windowMs: q.windowMs, exclusions });
  const start = (q.page - 1) * q.perPage;
  const page = grouped.slice(start, start + q.perPage);
  const shown = page.map((g) => g.inputs.slice(0, INCIDENT_LIMITS.maxMembers).map((m) => m.summary.findingId));
  const ids = [...new Set(shown.flat())];
  const latest = new Map<string, GroupingInput>();
  if (ids.length) {
    const members = await search<MembersSearchResponse>(reader, def, buildMembersSearch(ids, q, def), maxFindings);
    for (const hit of members.hits?.hits ?? []) {
      const source = hit._source ?? {};
      const doc = flattenDocument(source);
      const summary = summarizeFinding(hit._index, hit._id, doc);
      const service = source.service as { detection?: { sequence?: { signals?: unknown } } } | undefined;
      const signals = service?.detection?.sequence?.signals;
      latest.set(summary.findingId, { summary, doc, ...(signals !== undefined ? { signals } : {}) });
    }
  }
  const incidents = page.map((group, n) => {
    const inputsOfPage = shown[n].map((id) => latest.get(id)).filter((x): x is GroupingInput => !!x);
    return inputsOfPage.length ? rebuildIncident(inputsOfPage, group.links, exclusions, group.inputs.length) : describeGroup(group);
  });
  return { total: grouped.length, findings: inputs.length, page: q.page, perPage: q.perPage, window: q.window, incidents, took: { ms: Date.now() - started } };
}

