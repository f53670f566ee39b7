import { CaseActivity } from '../../common/case_types';
import { attachmentItemId, NewItem, sortKeyOf } from './service';
import { Actor, CaseAttributes, LegacyItems } from './types';

/** The inline arrays the migration clears (OSD's `update` is a partial update: `null` replaces them). */
export const LEGACY_FIELDS_CLEARED = { attachments: null, comments: null, activity: null } as const;

const pad = (i: number) => String(i).padStart(6, '0');

/**
 * A case saved before items existed, as items (pure; docs/cases.md "Migration"). Item ids are
 * derived from the case and each entry (attachments by document, like a new attach; comments by
 * their id; activity by position), so writing them twice is a no-op and two readers migrating the
 * same case at once write the same objects. The activity keeps its order (`sortKey` carries the
 * position) and gains a `migrated` entry.
 */
export function legacyToItems(caseId: string, legacy: LegacyItems, actor: Actor): { items: NewItem[]; migrated: CaseActivity } {
  const items: NewItem[] = [];
  legacy.attachments.forEach((a, i) => {
    items.push({ id: attachmentItemId(caseId, a.ref), kind: 'attachment', sortKey: sortKeyOf(a.addedAt, pad(i)), at: a.addedAt, by: a.addedBy, data: a });
  });
  legacy.comments.forEach((c, i) => {
    items.push({ id: `${caseId}.c.${c.id || pad(i)}`, kind: 'comment', sortKey: sortKeyOf(c.createdAt, pad(i)), at: c.createdAt, by: c.createdBy, data: c });
  });
  legacy.activity.forEach((e, i) => {
    items.push({ id: `${caseId}.e.m${pad(i)}`, kind: 'activity', sortKey: sortKeyOf(e.at, pad(i)), at: e.at, by: e.by, data: e });
  });
  const migrated: CaseActivity = {
    at: actor.at,
    by: actor.by,
    action: 'migrated',
    comments: legacy.comments.length,
    attachments: legacy.attachments.length,
    activity: legacy.activity.length,
  };
  items.push({ id: `${caseId}.e.migrated`, kind: 'activity', sortKey: sortKeyOf(actor.at, 'migrated'), at: actor.at, by: actor.by, data: migrated });
  return { items, migrated };
}

/** The case's own fields after the migration: counters from the arrays, and its new number. */
export function migratedAttributes(current: CaseAttributes, legacy: LegacyItems, number: number | null): CaseAttributes {
  return {
    ...current,
    number: current.number ?? number,
    attachmentCount: legacy.attachments.length,
    commentCount: legacy.comments.length,
    activityCount: legacy.activity.length + 1,
  };
}
