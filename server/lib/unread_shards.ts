import { LIMITS } from '../../common/constants';
import { UnreadShards } from '../../common/types';
import { clipText } from './bounds';

/**
 * What a search answer did not read. OpenSearch answers HTTP 200 with `_shards.failed > 0` when some
 * shards fail (an index mapping a field the search reads otherwise, a lost node,
 * `rejected_execution`), and with `timed_out: true` when the search stopped at its `timeout`; in
 * both cases the hits, counts and aggregations are those of the shards that answered. The reader
 * (opensearch_reader.ts) notes every search and multi-search item it parses; the routes put what it
 * noted on their answers as `unread`.
 */

/** Indices named, at most. */
export const UNREAD_MAX_INDICES = 5;
/** Distinct sets of failing indices one request keeps apart; beyond, they are added into one. */
const MAX_KEYS = 32;

interface ShardsPart {
  timed_out?: unknown;
  _shards?: { total?: unknown; failed?: unknown; failures?: unknown };
}

const count = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : undefined);

/** The unread part of one search answer (or `_msearch` item), or `undefined` when it read everything. */
export function unreadOf(body: unknown): UnreadShards | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as ShardsPart;
  const failed = count(b._shards?.failed) ?? 0;
  const timedOut = b.timed_out === true;
  if (!failed && !timedOut) return undefined;
  const failures = Array.isArray(b._shards?.failures) ? (b._shards!.failures as unknown[]) : [];
  const indices: string[] = [];
  let reason: string | undefined;
  for (const f of failures) {
    if (!f || typeof f !== 'object') continue;
    const { index, reason: r } = f as { index?: unknown; reason?: unknown };
    if (typeof index === 'string' && !indices.includes(index) && indices.length < UNREAD_MAX_INDICES) indices.push(index);
    if (reason === undefined) {
      const text = typeof r === 'string' ? r : r && typeof r === 'object' ? (r as { reason?: unknown }).reason ?? (r as { type?: unknown }).type : undefined;
      if (typeof text === 'string' && text) reason = text;
    }
  }
  const of = count(b._shards?.total);
  return {
    shards: failed,
    ...(failed && of !== undefined && of >= failed ? { of } : {}),
    indices,
    reason: clipText(reason ?? (failed ? 'unknown' : ''), LIMITS.summaryChars),
    ...(timedOut ? { timedOut: true } : {}),
  };
}

/**
 * Several unread parts as one (the searches of one answer). Searches that failed on the same indices
 * count once, with the most shards any of them missed (the investigation asks one index pattern in
 * several searches: they fail on the same shards); searches failing on other indices add up.
 */
export function mergeUnread(parts: Array<UnreadShards | undefined>): UnreadShards | undefined {
  const record = new UnreadRecord();
  for (const p of parts) if (p) record.add(p);
  return record.value();
}

/** The unread parts of one request, bounded whatever the number of searches. */
export class UnreadRecord {
  private readonly byIndices = new Map<string, UnreadShards>();

  /** Notes a search answer; returns its own unread part. */
  note(body: unknown): UnreadShards | undefined {
    const u = unreadOf(body);
    if (u) this.add(u);
    return u;
  }

  add(u: UnreadShards): void {
    let key = JSON.stringify([...u.indices].sort());
    if (!this.byIndices.has(key) && this.byIndices.size >= MAX_KEYS) key = '*';
    const had = this.byIndices.get(key);
    if (!had) {
      this.byIndices.set(key, { ...u, indices: u.indices.slice(0, UNREAD_MAX_INDICES) });
      return;
    }
    const bigger = key === '*' ? { ...had, shards: had.shards + u.shards, ...(had.of !== undefined && u.of !== undefined ? { of: had.of + u.of } : {}) } : u.shards > had.shards ? u : had;
    const merged: UnreadShards = { shards: bigger.shards, indices: union(had.indices, u.indices), reason: had.reason || u.reason };
    if (bigger.of !== undefined) merged.of = bigger.of;
    if (had.timedOut || u.timedOut) merged.timedOut = true;
    this.byIndices.set(key, merged);
  }

  value(): UnreadShards | undefined {
    const parts = [...this.byIndices.values()];
    if (!parts.length) return undefined;
    const out: UnreadShards = {
      shards: parts.reduce((n, p) => n + p.shards, 0),
      indices: parts.reduce<string[]>((all, p) => union(all, p.indices), []),
      reason: parts.find((p) => p.shards > 0 && p.reason)?.reason ?? parts.find((p) => p.reason)?.reason ?? '',
    };
    const failing = parts.filter((p) => p.shards > 0);
    if (failing.length && failing.every((p) => p.of !== undefined)) out.of = failing.reduce((n, p) => n + (p.of ?? 0), 0);
    if (parts.some((p) => p.timedOut)) out.timedOut = true;
    return out;
  }
}

function union(a: string[], b: string[]): string[] {
  const out = [...a];
  for (const i of b) if (out.length < UNREAD_MAX_INDICES && !out.includes(i)) out.push(i);
  return out;
}

/** A route's answer with what its request's searches did not read (`reader.unread()`), if anything. */
export function withUnread<T extends { unread?: UnreadShards }>(body: T, unread: UnreadShards | undefined): T {
  const all = mergeUnread([body.unread, unread]);
  if (!all) return body;
  return { ...body, unread: all };
}

/**
 * Only the failed shards of a record. An investigation says its timeouts in its own words (a group
 * whose search timed out has its `error`; an exact count that timed out keeps "at least N"), so a
 * page-wide "a search timed out, results are partial" would only repeat them, or be wrong for a count.
 */
export function failedShardsOnly(unread: UnreadShards | undefined): UnreadShards | undefined {
  if (!unread?.shards) return undefined;
  const { timedOut: _timedOut, ...failed } = unread;
  return failed;
}
