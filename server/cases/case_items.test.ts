import { CASE_ITEM_SAVED_OBJECT_TYPE, CASE_SAVED_OBJECT_TYPE } from '../../common/constants';
import { caseReference, parseCaseReference, referenceInId, validNumberPrefix } from './case_number';
import { allOf, anyOf } from './kuery';
import { legacyToItems, migratedAttributes } from './migrate';
import { repairCase } from './repair';
import { itemTitle, migrateCaseDocument } from './saved_object_type';
import { attachmentItemId } from './service';
import { newCaseAttributes } from './client/create';

const alice = { by: 'alice', at: '2026-08-01T10:00:00.000Z' };

const oldShape = {
  title: 'Root login',
  description: '',
  status: 'in-progress',
  closeReason: null,
  severity: 'critical',
  tags: [],
  assignees: [],
  attachments: [
    { id: 'a1', type: 'event', ref: { index: 'log-aws-cloudtrail-2021-04', id: 'e1' }, snapshot: { source: 'cloudtrail', title: 'ConsoleLogin', fields: {} }, addedAt: '2026-07-01T10:05:00.000Z', addedBy: 'bob' },
  ],
  comments: [
    { id: 'm1', text: 'first', createdAt: '2026-07-01T10:06:00.000Z', createdBy: 'bob' },
    { id: 'm2', text: 'second', createdAt: '2026-07-01T10:06:00.000Z', createdBy: 'bob' },
  ],
  activity: [
    { at: '2026-07-01T10:00:00.000Z', by: 'alice', action: 'created' },
    { at: '2026-07-01T10:05:00.000Z', by: 'bob', action: 'attachment_added', attachmentId: 'a1', attachmentType: 'event', ref: { index: 'log-aws-cloudtrail-2021-04', id: 'e1' }, title: 'ConsoleLogin' },
  ],
  attachmentCount: 1,
  commentCount: 2,
  createdAt: '2026-07-01T10:00:00.000Z',
  createdBy: 'alice',
  updatedAt: '2026-07-01T10:06:00.000Z',
  updatedBy: 'bob',
  closedAt: null,
  closedBy: null,
};

describe('case numbers', () => {
  it('reads SIR-12, sir-12, #12 and 12 as number 12, and nothing else', () => {
    for (const text of ['SIR-12', 'sir-12', ' #12 ', '12']) expect(parseCaseReference('SIR', text)).toBe(12);
    for (const text of ['ABC-12', 'SIR-', 'SIR-0', 'SIR-12x', '12 13', 'SIR-1e3', '']) expect(parseCaseReference('SIR', text)).toBeUndefined();
    expect(caseReference('INC', 7)).toBe('INC-7');
    expect(caseReference('INC', null)).toBeUndefined();
  });

  it('takes an id for a reference only when it looks like one', () => {
    expect(referenceInId('SIR', 'SIR-3')).toBe(3);
    expect(referenceInId('SIR', '3')).toBeUndefined();
    expect(referenceInId('SIR', '7a685197-2697-4061-80d1-6447629dba0e')).toBeUndefined();
  });

  it('refuses a prefix that would not be one search token', () => {
    expect(validNumberPrefix(undefined)).toBe('SIR');
    expect(validNumberPrefix('INC_2')).toBe('INC_2');
    for (const bad of ['', '1SIR', 'S-I', 'S IR', 'ABCDEFGHIJK', 3]) expect(() => validNumberPrefix(bad)).toThrow(/numberPrefix/);
  });
});

describe('filters as KueryNodes', () => {
  it('puts values in literal nodes, never into a query string', () => {
    const hostile = 'x" OR type:* and (';
    expect(anyOf(CASE_SAVED_OBJECT_TYPE, 'tags', [hostile])).toEqual({
      type: 'function',
      function: 'is',
      arguments: [
        { type: 'literal', value: 'siem-investigation-case.attributes.tags' },
        { type: 'literal', value: hostile },
        { type: 'literal', value: false },
      ],
    });
    expect(allOf([])).toBeUndefined();
    expect(allOf([anyOf(CASE_SAVED_OBJECT_TYPE, 'status', ['open', 'closed']), anyOf(CASE_SAVED_OBJECT_TYPE, 'severity', ['low'])])).toMatchObject({
      function: 'and',
      arguments: [{ function: 'or' }, { function: 'is' }],
    });
  });
});

describe('migration of a case saved with inline arrays', () => {
  it('turns every entry into an item with a deterministic id, keeping order, plus a "migrated" entry', () => {
    const { legacy, attributes } = repairCase(JSON.parse(JSON.stringify(oldShape)));
    const first = legacyToItems('c1', legacy!, alice);
    const again = legacyToItems('c1', legacy!, { by: 'bob', at: '2026-08-02T00:00:00.000Z' });
    expect(first.items.map((i) => i.id)).toEqual(again.items.map((i) => i.id));
    expect(first.items.map((i) => i.kind)).toEqual(['attachment', 'comment', 'comment', 'activity', 'activity', 'activity']);
    // The attachment gets the id a new attach of the same document would: attaching it again is a no-op.
    expect(first.items[0].id).toBe(attachmentItemId('c1', { index: 'log-aws-cloudtrail-2021-04', id: 'e1' }));
    // Two comments at the same millisecond keep their order.
    const comments = first.items.filter((i) => i.kind === 'comment');
    expect(comments.map((c) => c.sortKey).sort()).toEqual(comments.map((c) => c.sortKey));
    expect(first.migrated).toEqual({ ...alice, action: 'migrated', comments: 2, attachments: 1, activity: 2 });
    expect(migratedAttributes(attributes, legacy!, 41)).toMatchObject({ number: 41, commentCount: 2, attachmentCount: 1, activityCount: 3 });
    expect(migratedAttributes({ ...attributes, number: 5 }, legacy!, 41).number).toBe(5);
  });

  it('OSD migration (upgrade, import) adds sort keys and counters to the one document, keeping the arrays', () => {
    const doc = migrateCaseDocument({ id: 'c1', type: CASE_SAVED_OBJECT_TYPE, attributes: JSON.parse(JSON.stringify(oldShape)) });
    expect(doc.attributes).toMatchObject({ severityRank: 3, statusRank: 1, sortTitle: 'root login', activityCount: 2, commentCount: 2, attachmentCount: 1, number: null });
    expect(doc.attributes.comments).toEqual(oldShape.comments);
    // A case of this release passes through unchanged but for its (recomputed) keys.
    const current = newCaseAttributes({ title: 'New' }, alice, 3);
    expect(migrateCaseDocument({ id: 'c2', type: CASE_SAVED_OBJECT_TYPE, attributes: { ...current } }).attributes).toEqual(current);
  });
});

describe('items in Saved Objects management', () => {
  it('are titled by kind and content', () => {
    const so = (attributes: Record<string, unknown>) => ({ id: 'i1', type: CASE_ITEM_SAVED_OBJECT_TYPE, attributes, references: [] });
    expect(itemTitle(so({ kind: 'comment', data: { text: 'Key\nrevoked' } }))).toBe('Comment: Key revoked');
    expect(itemTitle(so({ kind: 'attachment', data: { snapshot: { title: 'PutBucketAcl (success) by role' } } }))).toBe('Attachment: PutBucketAcl (success) by role');
    expect(itemTitle(so({ kind: 'activity', data: { action: 'status_changed' } }))).toBe('Activity: status changed');
    expect(itemTitle(so({ kind: 'comment', data: { text: 'x'.repeat(200) } }))).toHaveLength(89);
    expect(itemTitle(so({}))).toBe('Case item: i1');
  });
});
