import { renderCaseMarkdown } from './markdown_report';
import { caseTimesOf, repairCase, repairSummary } from './repair';
import { toCase } from './service';
import { LegacyItems, StoredCase } from './types';

/** A case read in the old shape, shown with its inline arrays as its items (as view.ts does before migrating). */
const wire = (c: StoredCase & { legacy?: LegacyItems }) => ({ ...toCase(c, c.legacy ?? { attachments: [], comments: [], activity: [] }, 'SIR'), attachments: c.legacy?.attachments ?? [] });

const sound = {
  title: 'IAM key used from a threat-list IP',
  description: 'From the finding.',
  status: 'open',
  closeReason: null,
  severity: 'high',
  tags: ['iam'],
  assignees: ['alice'],
  attachments: [
    {
      id: 'a1',
      type: 'event',
      ref: { index: 'log-aws-cloudtrail-2021-04', id: 'e1' },
      snapshot: { source: 'cloudtrail', title: 'PutBucketAcl', fields: { 'event.action': 'PutBucketAcl', 'related.ip': ['10.0.0.1'] } },
      addedAt: '2026-08-01T10:05:00.000Z',
      addedBy: 'bob',
    },
  ],
  comments: [{ id: 'm1', text: 'ACL reverted', createdAt: '2026-08-01T10:06:00.000Z', createdBy: 'bob' }],
  activity: [
    { at: '2026-08-01T10:00:00.000Z', by: 'alice', action: 'created' },
    { at: '2026-08-01T10:01:00.000Z', by: 'alice', action: 'tags_changed', added: ['iam'], removed: [] },
  ],
  attachmentCount: 1,
  commentCount: 1,
  createdAt: '2026-08-01T10:00:00.000Z',
  createdBy: 'alice',
  updatedAt: '2026-08-01T10:06:00.000Z',
  updatedBy: 'bob',
  closedAt: null,
  closedBy: null,
  templateId: 't1',
  templateName: 'Compromised IAM credentials',
  tasks: [{ id: 'k1', title: 'Disable the key', assignee: 'alice', done: true, doneAt: '2026-08-01T10:03:00.000Z', doneBy: 'alice' }],
  closeFields: [{ key: 'rotated', label: 'Credentials rotated?', type: 'boolean' }],
  closeFieldValues: { rotated: true },
  acknowledgedAt: '2026-08-01T10:00:00.000Z',
  timeToAcknowledgeMs: 0,
  timeToCloseMs: null,
};

type Corruption = [string, (c: any) => void];
const CORRUPTIONS: Corruption[] = [
  ['a null comment', (c) => c.comments.push(null)],
  ['a null attachment', (c) => c.attachments.push(null)],
  ['a null activity entry', (c) => c.activity.push(null)],
  ['attachments: null', (c) => (c.attachments = null)],
  ['comments as a string', (c) => (c.comments = 'oops')],
  ['activity as an object', (c) => (c.activity = { action: 'created' })],
  ['non-string tags', (c) => (c.tags = ['iam', 42, { x: 1 }, null])],
  ['non-string authors', (c) => ((c.createdBy = 7), (c.comments[0].createdBy = { name: 'x' }), (c.attachments[0].addedBy = null))],
  ['missing dates', (c) => (delete c.createdAt, delete c.updatedAt, delete c.comments[0].createdAt, delete c.activity[0].at)],
  ['an attachment without a reference', (c) => c.attachments.push({ id: 'a2', type: 'event', snapshot: { title: 'x', fields: {} } })],
  ['a snapshot of null', (c) => (c.attachments[0].snapshot = null)],
  ['snapshot fields holding objects', (c) => (c.attachments[0].snapshot.fields = { ok: 'yes', bad: { deep: 1 } })],
  ['an unknown status and severity', (c) => ((c.status = 'pending'), (c.severity = 'extreme'))],
  ['an activity entry of an unknown action', (c) => c.activity.push({ at: '2026-08-01T10:00:00.000Z', by: 'x', action: 'exploded' })],
  ['a list change without lists', (c) => c.activity.push({ at: '2026-08-01T10:00:00.000Z', by: 'x', action: 'assignees_changed', added: null })],
  ['a numeric title and no description', (c) => ((c.title = 12), delete c.description)],
];

describe('repairCase', () => {
  it('reads a case stored before templates and times: no tasks or close fields, times from the activity log, nothing reported', () => {
    const old = JSON.parse(JSON.stringify(sound));
    for (const k of ['templateId', 'templateName', 'tasks', 'closeFields', 'closeFieldValues', 'acknowledgedAt', 'timeToAcknowledgeMs', 'timeToCloseMs']) delete old[k];
    old.assignees = [];
    old.activity.push({ at: '2026-08-01T10:04:00.000Z', by: 'bob', action: 'assignees_changed', added: ['bob'], removed: [] });
    const { attributes, problems } = repairCase(old);
    expect(problems).toEqual([]);
    expect(attributes).toMatchObject({ templateId: null, tasks: [], closeFields: [], closeFieldValues: {}, acknowledgedAt: '2026-08-01T10:04:00.000Z', timeToAcknowledgeMs: 240000, timeToCloseMs: null });
  });

  it('leaves a sound case exactly as it is and reports nothing', () => {
    const { attributes, problems, legacy } = repairCase(JSON.parse(JSON.stringify(sound)));
    expect(problems).toEqual([]);
    const { attachments, comments, activity, ...fields } = sound;
    expect(legacy).toEqual({ attachments, comments, activity });
    expect(attributes).toEqual({ ...fields, number: null, activityCount: 2, severityRank: 2, statusRank: 0, sortTitle: sound.title.toLowerCase() });
  });

  it.each(CORRUPTIONS)('repairs %s, keeps every valid item, says so, and the case renders and exports', (_what, corrupt) => {
    const raw = JSON.parse(JSON.stringify(sound));
    corrupt(raw);
    const { attributes, problems, legacy } = repairCase(raw);
    expect(problems.length).toBeGreaterThan(0);
    // Every item that was valid before the corruption is still there.
    if (Array.isArray(raw.comments) && raw.comments[0]?.text) expect(legacy!.comments.map((c) => c.text)).toContain('ACL reverted');
    if (Array.isArray(raw.attachments) && raw.attachments[0]?.ref) expect(legacy!.attachments.map((a) => a.id)).toContain('a1');
    if (Array.isArray(raw.activity)) expect(legacy!.activity.map((a) => a.action)).toContain('created');
    expect(attributes.attachmentCount).toBe(legacy!.attachments.length);
    expect(attributes.commentCount).toBe(legacy!.comments.length);
    for (const list of [attributes.tags, attributes.assignees]) expect(list.every((s) => typeof s === 'string')).toBe(true);
    const c = wire({ id: 'c1', version: 'WzEsMV0=', attributes, problems, legacy });
    expect(c.repaired).toEqual(problems);
    expect(() => renderCaseMarkdown(c, '2026-08-02T00:00:00.000Z')).not.toThrow();
  });

  it('reads whatever is stored without throwing', () => {
    for (const raw of [null, undefined, 'x', 3, [], { attachments: [1, 'x', []] }, { activity: [{ action: 'tags_changed' }] }]) {
      expect(() => renderCaseMarkdown(wire({ id: 'c', version: 'WzEsMV0=', ...repairCase(raw) }), 'now')).not.toThrow();
    }
  });

  it('reads a case in the current shape (no inline arrays) without a legacy part', () => {
    const { attributes, legacy, problems } = repairCase({ ...sound, attachments: null, comments: null, activity: null, number: 12, activityCount: 5 });
    expect(legacy).toBeUndefined();
    expect(problems).toEqual([]);
    expect(attributes).toMatchObject({ number: 12, attachmentCount: 1, commentCount: 1, activityCount: 5 });
  });

  it('repairs the summary fields the list reads', () => {
    expect(repairSummary({ title: null, status: 'x', tags: 'iam', attachmentCount: -1 })).toMatchObject({
      title: '(untitled case)',
      status: 'open',
      tags: [],
      attachmentCount: 0,
    });
  });
});

describe('caseTimesOf (the case metrics read only severity and times)', () => {
  it('reads them as the full summary does, for a sound case, a broken one and one without them', () => {
    const cases: unknown[] = [
      { ...sound, severity: 'high', acknowledgedAt: '2026-01-01T00:05:00.000Z', timeToAcknowledgeMs: 300_000, timeToCloseMs: 7_200_000 },
      { severity: 'extreme', timeToAcknowledgeMs: -5, timeToCloseMs: 'soon', acknowledgedAt: 42 },
      {},
      null,
    ];
    for (const c of cases) {
      const full = repairSummary(c);
      expect(caseTimesOf(c)).toEqual({ severity: full.severity, acknowledgedAt: full.acknowledgedAt, timeToAcknowledgeMs: full.timeToAcknowledgeMs, timeToCloseMs: full.timeToCloseMs });
    }
    expect(caseTimesOf(cases[0])).toEqual({ severity: 'high', acknowledgedAt: '2026-01-01T00:05:00.000Z', timeToAcknowledgeMs: 300_000, timeToCloseMs: 7_200_000 });
    expect(caseTimesOf(cases[1])).toEqual({ severity: 'low', acknowledgedAt: null, timeToAcknowledgeMs: null, timeToCloseMs: null });
  });
});
