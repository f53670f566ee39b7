import { UnreadShards } from '../../common/types';
import { FindingGroup } from './group';

/** A range's grouping, kept briefly so that the pages after the first do not group again. */
export interface CachedGrouping {
  groups: FindingGroup[];
  findings: number;
  /** Shards the grouping search could not read. */
  unread?: UnreadShards;
}

/**
 * The Incidents view's paging cache. Queries run as the current user, so a grouping is only ever
 * reused for the same identity — user, roles, backend roles and tenant, as the security plugin's
 * `authinfo` tells them (document-level security follows roles) — and the same range, window and
 * exclusions. Page 1 is always grouped afresh (a refresh shows new findings); later pages reuse
 * it for `ttlMs`. Tiny: `maxEntries` groupings, the oldest dropped first. Documents shown on a page
 * are still read as the user on every request; only finding ids and grouping values are kept.
 */
export class GroupingCache {
  private readonly entries = new Map<string, { at: number; value: CachedGrouping }>();

  constructor(private readonly maxEntries = 4, private readonly ttlMs = 60_000, private readonly now: () => number = Date.now) {}

  get(key: string): CachedGrouping | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (this.now() - e.at > this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  set(key: string, value: CachedGrouping): void {
    this.entries.delete(key);
    this.entries.set(key, { at: this.now(), value });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}
