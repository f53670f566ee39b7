import { IncidentsResponse, INCIDENT_LIMITS, SeenInCases } from '../../common/incident_types';
import { SourceDefinition } from '../../common/sources';
import { flattenDocument } from '../../common/flatten';
import { LIMITS } from '../../common/constants';
import { EntityType } from '../../common/types';
import { GROUPING_ENTITY_TYPES } from '../../common/incident_types';
import {
  ACCESS_KEY_FIELDS,
  BUCKET_FIELDS,
  ECS_COPY_FIELDS,
  FAMILY_FIELDS,
  FINDING_READ_FIELDS,
  INSTANCE_FIELDS,
  PRINCIPAL_ID_FIELD,
  REMOTE_ACCOUNT_FIELDS,
  REMOTE_IP_FIELDS,
  summarizeFinding,
  USER_NAME_FIELDS,
  USER_TYPE_FIELD,
} from '../correlation/finding';
import { instanceFromPrincipalId, isValidEntityValue } from '../correlation/entity_values';
import { badRequest, HttpError } from '../lib/errors';
import { OpenSearchReader, OpenSearchResponseError } from '../lib/opensearch_reader';
import { unreadOf } from '../lib/unread_shards';
import { CachedGrouping, GroupingCache } from './grouping_cache';
import { activitySpan, countEntities, describeGroup, ExclusionList, groupFindings, GroupingInput, GroupingRecord, INCIDENT_ENTITIES, readSignals, rebuildIncident } from './group';

export interface IncidentsQuery {
  from: string;
  to: string;
  /** Sliding window, e.g. "24h". */
  window: string;
  windowMs: number;
  page: number;
  perPage: number;
}

/** What a grouping field's values are: an entity type, the caller's account, or an attack sequence's signal. */
type GroupingFieldKind = EntityType | 'principal_id' | 'user_name';

/**
 * The raw GuardDuty fields that can group findings (entity types of GROUPING_ENTITY_TYPES), each
 * aggregated on its own, from the entity model's own field lists (server/correlation/finding.ts)
 * without es-loader's ECS copies: the remote-address fields only (an instance's own addresses live
 * in other fields and never group), the principal id for the instance it names, the signals of an
 * attack sequence and the caller's account (evidence linking accounts).
 */
export const GROUPING_FIELD_KINDS: ReadonlyArray<readonly [string, GroupingFieldKind]> = (
  [
    ...ACCESS_KEY_FIELDS.map((f) => [f, 'access_key'] as const),
    ...USER_NAME_FIELDS.map((f) => [f, 'user_name'] as const),
    [PRINCIPAL_ID_FIELD, 'principal_id'] as const,
    ...INSTANCE_FIELDS.map((f) => [f, 'instance'] as const),
    ...REMOTE_IP_FIELDS.map((f) => [f, 'ip'] as const),
    ...BUCKET_FIELDS.map((f) => [f, 'bucket'] as const),
    ...FAMILY_FIELDS.flatMap(([type, fields]) => (GROUPING_ENTITY_TYPES.includes(type) || type === 'signal' ? fields.map((f) => [f, type] as const) : [])),
    ...REMOTE_ACCOUNT_FIELDS.map((f) => [f, 'account'] as const),
  ] as Array<readonly [string, GroupingFieldKind]>
).filter(([f]) => !ECS_COPY_FIELDS.has(f));

export const GROUPING_FIELDS: readonly string[] = GROUPING_FIELD_KINDS.map(([f]) => f);

/** User types one principal name is listed under (GuardDuty's are few: IAMUser, AssumedRole, Root, FederatedUser, AWSService…). */
const USER_TYPES_LISTED = 20;

/**
 * Round trip 1, aggregations only (no document is read): one bucket per finding id with its
 * activity span and severity, and per account and grouping field the finding ids naming each
 * value. Buckets: findings + (value, finding) pairs, bounded by `search.max_buckets`.
 */
export function buildGroupingSearch(q: Pick<IncidentsQuery, 'from' | 'to'>, def: SourceDefinition, maxFindings: number = INCIDENT_LIMITS.maxFindings): Record<string, unknown> {
  const fieldAggs: Record<string, unknown> = {};
  const ids = { ids: { terms: { field: '@id', size: maxFindings } } };
  GROUPING_FIELDS.forEach((field, i) => {
    fieldAggs[`f${i}`] = {
      terms: { field, size: maxFindings },
      // A principal's name is a role's or a user's by its finding's user type (IAM names them apart):
      // the findings naming it are listed per user type.
      aggs: GROUPING_FIELD_KINDS[i][1] === 'user_name' ? { kind: { terms: { field: USER_TYPE_FIELD, size: USER_TYPES_LISTED, missing: '' }, aggs: ids } } : ids,
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
      // Every account of the range (never more than its findings): an account left out would leave its findings ungrouped.
      accounts: { terms: { field: 'accountId', size: maxFindings, missing: '' }, aggs: fieldAggs },
    },
  };
}

/**
 * Only what the grouping reads of the aggregation's answer (no doc counts, no error bounds): the
 * answer for 10,000 findings shrinks by about half.
 */
export const GROUPING_FILTER_PATH = [
  'timed_out',
  '_shards.total',
  '_shards.failed',
  '_shards.failures.index',
  '_shards.failures.reason.reason',
  'aggregations.findings.sum_other_doc_count',
  'aggregations.findings.buckets.key',
  'aggregations.findings.buckets.first.value',
  'aggregations.findings.buckets.last.value',
  'aggregations.findings.buckets.severity.value',
  'aggregations.accounts.sum_other_doc_count',
  'aggregations.accounts.buckets.key',
  'aggregations.accounts.buckets.*.sum_other_doc_count',
  'aggregations.accounts.buckets.*.buckets.key',
  'aggregations.accounts.buckets.*.buckets.ids.sum_other_doc_count',
  'aggregations.accounts.buckets.*.buckets.ids.buckets.key',
  'aggregations.accounts.buckets.*.buckets.kind.sum_other_doc_count',
  'aggregations.accounts.buckets.*.buckets.kind.buckets.key',
  'aggregations.accounts.buckets.*.buckets.kind.buckets.ids.sum_other_doc_count',
  'aggregations.accounts.buckets.*.buckets.kind.buckets.ids.buckets.key',
].join(',');

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
  kind?: { buckets?: Bucket[]; sum_other_doc_count?: number };
  [agg: string]: unknown;
}
interface Terms {
  buckets?: Bucket[];
  sum_other_doc_count?: number;
}
interface GroupingSearchResponse {
  timed_out?: boolean;
  _shards?: { total?: number; failed?: number; failures?: Array<{ index?: string; reason?: { reason?: string } }> };
  aggregations?: { findings?: Terms; accounts?: Terms };
}
interface MembersSearchResponse {
  hits?: { hits?: Array<{ _index: string; _id: string; _source?: Record<string, unknown>; fields?: Record<string, unknown[]> }> };
}

function tooLarge(max: number): HttpError {
  return badRequest(`The time range holds more than ${max} findings (or more shared values than OpenSearch's search.max_buckets allows), more than the Incidents view groups at once; choose a shorter time range`);
}

function keyOf(b: Bucket): string {
  return b.key_as_string ?? String(b.key);
}

async function search<T>(reader: OpenSearchReader, def: SourceDefinition, body: Record<string, unknown>, max: number, querystring: Record<string, unknown> = {}): Promise<T> {
  try {
    return await reader.search<T>(def.indexPattern, body, { ignore_unavailable: true, allow_no_indices: true, ...querystring });
  } catch (e) {
    // OpenSearch refuses an aggregation with more buckets than `search.max_buckets` allows.
    if (e instanceof OpenSearchResponseError && /too_many_buckets/i.test(`${JSON.stringify(e.body ?? null)} ${e.message}`)) throw tooLarge(max);
    throw e;
  }
}

/** A bucket's value as the entity model reads it: trimmed and valid for its type, or nothing. */
function entityValue(kind: GroupingFieldKind, raw: string, userType: string | undefined): { type: EntityType; value: string } | undefined {
  const v = raw.trim();
  if (kind === 'principal_id') {
    const instance = instanceFromPrincipalId(v);
    return instance ? { type: 'instance', value: instance } : undefined;
  }
  const type: EntityType = kind === 'user_name' ? (userType === 'AssumedRole' ? 'role' : 'user') : kind;
  return isValidEntityValue(type, v) ? { type, value: v } : undefined;
}

/**
 * Every finding of the range as a compact grouping record, straight from the aggregation's buckets:
 * each distinct value is read (validated, checked against the exclusions) once, then handed to the
 * findings its bucket lists — no per-finding document and no entity model per finding.
 */
export function groupingRecordsOf(body: GroupingSearchResponse, maxFindings: number, exclusions: ExclusionList): GroupingRecord[] {
  const findings = body.aggregations?.findings;
  if ((findings?.sum_other_doc_count ?? 0) > 0) throw tooLarge(maxFindings);
  const records = new Map<string, GroupingRecord & { uids?: string[] }>();
  for (const b of findings?.buckets ?? []) {
    const id = keyOf(b);
    const num = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : NaN);
    records.set(id, { id, ...activitySpan(num(b.first?.value), num(b.last?.value), num(b.last?.value)), severity: Number(b.severity?.value ?? 0) || 0, accounts: [], entities: [], signals: [] });
  }
  const addAccount = (r: GroupingRecord, account: string) => {
    if (!r.accounts.includes(account)) r.accounts.push(account);
  };
  // One object per distinct entity, shared by every finding naming it (whichever field it was in).
  const interned = new Map<string, { type: EntityType; value: string }>();
  if ((body.aggregations?.accounts?.sum_other_doc_count ?? 0) > 0) throw tooLarge(maxFindings);
  for (const acct of body.aggregations?.accounts?.buckets ?? []) {
    const account = keyOf(acct);
    GROUPING_FIELD_KINDS.forEach(([, kind], i) => {
      const terms = acct[`f${i}`] as Terms | undefined;
      if ((terms?.sum_other_doc_count ?? 0) > 0) throw tooLarge(maxFindings);
      // The findings naming `raw` (listed by `ids`); a principal's name is read per user type.
      const take = (raw: string, ids: Bucket['ids'], userType?: string) => {
        if ((ids?.sum_other_doc_count ?? 0) > 0) throw tooLarge(maxFindings);
        let entity: { type: EntityType; value: string } | undefined;
        if (kind === 'account') {
          if (!isValidEntityValue('account', raw.trim())) return;
        } else if (kind !== 'signal') {
          const read = entityValue(kind, raw, userType);
          if (!read || exclusions.excludes(read.type, read.value)) return;
          const key = read.type + '\u0000' + read.value;
          entity = interned.get(key) ?? interned.set(key, read).get(key);
        }
        for (const idBucket of ids?.buckets ?? []) {
          const r = records.get(keyOf(idBucket));
          if (!r) continue;
          if (account) addAccount(r, account);
          if (entity) {
            if (!r.entities.includes(entity)) r.entities.push(entity);
          } else if (kind === 'signal') (r.uids ??= []).push(raw);
          else addAccount(r, raw.trim());
        }
      };
      for (const v of terms?.buckets ?? []) {
        if (kind !== 'user_name') take(keyOf(v), v.ids);
        else {
          if ((v.kind?.sum_other_doc_count ?? 0) > 0) throw tooLarge(maxFindings);
          for (const k of v.kind?.buckets ?? []) take(keyOf(v), k.ids, keyOf(k));
        }
      }
    });
  }
  const out: GroupingRecord[] = [];
  for (const { uids, ...r } of records.values()) {
    r.accounts.sort();
    // Every signal bucket of the finding (bounded by the aggregation's buckets): each may name a finding to link.
    if (uids) r.signals = readSignals(uids.map((uid) => ({ uid })), uids.length);
    out.push(r);
  }
  return out;
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
  maxFindings: number = INCIDENT_LIMITS.maxFindings,
  paging?: { cache: GroupingCache; identity: Promise<string | undefined> },
  seenIn?: (groups: Array<Array<{ type: EntityType; value: string }>>) => Promise<SeenInCases[]>
): Promise<IncidentsResponse> {
  const started = Date.now();
  // The grouping of the pages after the first, kept for the same identity, range and window.
  const keyOf = (identity: string | undefined) => (identity === undefined ? undefined : JSON.stringify([identity, def.indexPattern, q.from, q.to, q.windowMs, maxFindings]));
  let cached: CachedGrouping | undefined;
  if (paging && q.page > 1) {
    const key = keyOf(await paging.identity);
    cached = key === undefined ? undefined : paging.cache.get(key);
  }
  const reused = !!cached;
  let searched = Date.now();
  if (!cached) {
    const [body, identity] = await Promise.all([
      search<GroupingSearchResponse>(reader, def, buildGroupingSearch(q, def, maxFindings), maxFindings, { filter_path: GROUPING_FILTER_PATH }),
      paging?.identity.catch(() => undefined),
    ]);
    searched = Date.now();
    if (body.timed_out) throw new HttpError(504, 'OpenSearch did not finish grouping the findings in time; choose a shorter time range');
    const records = groupingRecordsOf(body, maxFindings, exclusions);
    // The shards OpenSearch could not group (an index that maps a field the aggregation reads
    // otherwise, e.g. `severity` as keyword, fails whatever the range): kept with the grouping, so
    // that the pages after the first, which reuse it, say so too.
    const unread = unreadOf(body);
    cached = { groups: groupFindings(records, { windowMs: q.windowMs }), findings: records.length, ...(unread ? { unread } : {}) };
    const key = keyOf(identity);
    if (paging && key !== undefined) paging.cache.set(key, cached);
  }
  const grouped = cached.groups;
  const start = (q.page - 1) * q.perPage;
  const page = grouped.slice(start, start + q.perPage);
  const shown = page.map((g) => g.members.slice(0, INCIDENT_LIMITS.maxMembers).map((m) => m.id));
  const ids = [...new Set(shown.flat())];
  const latest = new Map<string, GroupingInput>();
  const groupedAt = Date.now();
  // "Seen in N cases" asks the case observables about the page's entities, counted from the
  // grouping records, while the members' documents are read.
  const seen = page.length && seenIn ? seenIn(page.map((g) => countEntities(g.members.slice(0, INCIDENT_LIMITS.maxMembers)).slice(0, INCIDENT_ENTITIES))) : undefined;
  seen?.catch(() => undefined); // awaited below; not unhandled if the members search fails first
  if (ids.length) {
    const members = await search<MembersSearchResponse>(reader, def, buildMembersSearch(ids, q, def), maxFindings);
    for (const hit of members.hits?.hits ?? []) {
      const source = hit._source ?? {};
      const doc = flattenDocument(source);
      const summary = summarizeFinding(hit._index, hit._id, doc);
      const service = source.service as { detection?: { sequence?: { signals?: unknown } } } | undefined;
      const signals = service?.detection?.sequence?.signals;
      // By the finding id it was grouped under (the collapse key, `@id`), not the `id` its document
      // claims: a document naming another finding's id must not take that finding's place.
      const groupedAs = hit.fields?.['@id']?.[0];
      latest.set(typeof groupedAs === 'string' ? groupedAs : summary.findingId, { summary, doc, ...(signals !== undefined ? { signals } : {}) });
    }
  }
  const read = Date.now();
  const incidents = page.map((group, n) => {
    const inputsOfPage = shown[n].map((id) => latest.get(id)).filter((x): x is GroupingInput => !!x);
    return inputsOfPage.length ? rebuildIncident(inputsOfPage, group.links, exclusions, group.members.length) : describeGroup(group);
  });
  const described = Date.now();
  const seenOf = (await seen) ?? [];
  incidents.forEach((incident, n) => {
    if (seenOf[n]?.count) incident.seenIn = seenOf[n];
  });
  const done = Date.now();
  const phases = { aggregationMs: searched - started, groupingMs: groupedAt - searched, membersMs: read - groupedAt, describeMs: described - read, seenInWaitMs: done - described };
  return { total: grouped.length, findings: cached.findings, page: q.page, perPage: q.perPage, window: q.window, incidents, ...(cached.unread ? { unread: cached.unread } : {}), took: { ms: done - started, phases, ...(reused ? { groupingReused: true } : {}) } };
}

