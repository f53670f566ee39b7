import { CASE_LIMITS, CaseActivity } from '../../../common/case_types';
import { HttpError } from '../../lib/errors';
import { CaseAttributes } from '../types';
import { newCaseAttributes } from './create';
import { applyChanges, CaseChanges } from './update';

const created = { by: 'alice', at: '2026-08-01T10:00:00.000Z' };
const bob = { by: 'bob', at: '2026-08-01T11:00:00.000Z' };
const carol = { by: 'carol', at: '2026-08-01T12:00:00.000Z' };

function openCase(): CaseAttributes {
  return newCaseAttributes({ title: 'IAM key used from a threat-list IP', tags: ['iam'], assignees: ['alice'] }, created);
}

/** The case after the change, with the activity entries the change logs. */
function change(current: CaseAttributes, changes: CaseChanges, actor = bob): CaseAttributes & { activity: CaseActivity[] } {
  const next = applyChanges(current, changes, actor);
  if (!next) throw new Error('expected a change');
  return { ...next.attributes, activity: next.entries };
}

function rejection(current: CaseAttributes, changes: CaseChanges): string {
  try {
    applyChanges(current, changes, bob);
  } catch (e) {
    expect(e).toBeInstanceOf(HttpError);
    expect((e as HttpError).statusCode).toBe(400);
    return (e as HttpError).message;
  }
  throw new Error('expected a 400');
}

describe('status transitions', () => {
  it('moves an open case to in progress and records who did it and when', () => {
    const next = change(openCase(), { status: 'in-progress' });
    expect(next.status).toBe('in-progress');
    expect(next.activity.at(-1)).toEqual({ at: bob.at, by: 'bob', action: 'status_changed', from: 'open', to: 'in-progress' });
    expect([next.updatedAt, next.updatedBy]).toEqual([bob.at, 'bob']);
  });

  it('requires a close reason to close a case', () => {
    expect(rejection(openCase(), { status: 'closed' })).toMatch(/requires closeReason \(one of: true_positive, benign_positive/);
  });

  it('closes with a reason and keeps who closed it and when', () => {
    const next = change(openCase(), { status: 'closed', closeReason: 'true_positive' });
    expect(next).toMatchObject({ status: 'closed', closeReason: 'true_positive', closedAt: bob.at, closedBy: 'bob' });
    expect(next.activity.at(-1)).toMatchObject({ action: 'status_changed', from: 'open', to: 'closed', closeReason: 'true_positive' });
  });

  it('refuses closed → in progress: a closed case is reopened first', () => {
    const closed = change(openCase(), { status: 'closed', closeReason: 'false_positive' });
    expect(rejection(closed, { status: 'in-progress' })).toBe('A case cannot move from "closed" to "in-progress"; from "closed" it can move to: open');
  });

  it('clears the close reason when a case is reopened', () => {
    const closed = change(openCase(), { status: 'closed', closeReason: 'benign_positive' });
    const reopened = change(closed, { status: 'open' }, carol);
    expect(reopened).toMatchObject({ status: 'open', closeReason: null, closedAt: null, closedBy: null });
    expect(reopened.activity.at(-1)).toEqual({ at: carol.at, by: 'carol', action: 'status_changed', from: 'closed', to: 'open' });
  });

  it('refuses a close reason on a case that is not being closed', () => {
    expect(rejection(openCase(), { closeReason: 'duplicate' })).toMatch(/only be given when closing/);
    expect(rejection(openCase(), { status: 'in-progress', closeReason: 'duplicate' })).toMatch(/not when moving it to "in-progress"/);
  });

  it('lets the close reason of a closed case be corrected', () => {
    const closed = change(openCase(), { status: 'closed', closeReason: 'true_positive' });
    const corrected = change(closed, { closeReason: 'duplicate' });
    expect(corrected.closeReason).toBe('duplicate');
    expect(corrected.activity.at(-1)).toMatchObject({ action: 'close_reason_changed', from: 'true_positive', to: 'duplicate' });
  });

  it('leaves nothing half-applied when a later rule fails', () => {
    const current = openCase();
    const before = JSON.stringify(current);
    rejection(current, { title: 'renamed', status: 'closed' });
    expect(JSON.stringify(current)).toBe(before);
  });
});

describe('field edits', () => {
  it('records one activity entry per changed field', () => {
    const next = change(openCase(), {
      title: 'Compromised EC2 role',
      description: 'See the CloudTrail events.',
      severity: 'high',
      tags: ['iam', 's3'],
      assignees: ['bob'],
    });
    expect(next.activity).toEqual([
      { at: bob.at, by: 'bob', action: 'title_changed', from: 'IAM key used from a threat-list IP', to: 'Compromised EC2 role' },
      { at: bob.at, by: 'bob', action: 'description_changed' },
      { at: bob.at, by: 'bob', action: 'severity_changed', from: 'low', to: 'high' },
      { at: bob.at, by: 'bob', action: 'tags_changed', added: ['s3'], removed: [] },
      { at: bob.at, by: 'bob', action: 'assignees_changed', added: ['bob'], removed: ['alice'] },
    ]);
  });

  it('logs a list change compactly: a few clipped names and how many more, whatever the lists hold', () => {
    const long = (p: string) => Array.from({ length: CASE_LIMITS.tags }, (_v, i) => `${p}${i}-${'x'.repeat(CASE_LIMITS.tagLength)}`.slice(0, CASE_LIMITS.tagLength));
    const before = change(openCase(), { tags: long('a') });
    const next = change(before, { tags: long('b') }, carol);
    const entry = next.activity.at(-1)!;
    expect(entry).toMatchObject({ action: 'tags_changed', more: 2 * (CASE_LIMITS.tags - CASE_LIMITS.activityListValues) });
    if (entry.action !== 'tags_changed') throw new Error('expected a tags change');
    expect(entry.added).toHaveLength(CASE_LIMITS.activityListValues);
    expect(entry.added.every((t) => t.length <= CASE_LIMITS.activityValueLength)).toBe(true);
    // Before: both full lists, about 10 KB per entry.
    expect(Buffer.byteLength(JSON.stringify(entry))).toBeLessThan(1024);
  });

  it('changes nothing (and writes nothing) when every value is the same', () => {
    expect(applyChanges(openCase(), { title: 'IAM key used from a threat-list IP', tags: ['iam'], status: 'open' }, bob)).toBeNull();
  });

  it('stops at the activity log limit', () => {
    const current = openCase();
    current.activityCount = CASE_LIMITS.activity;
    expect(rejection(current, { severity: 'high' })).toContain(`limit ${CASE_LIMITS.activity} entries`);
  });
});
