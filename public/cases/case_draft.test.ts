import { Case } from '../../common/case_types';
import { changedSinceDraft, pendingFields, rebaseDrafts, shownValue, startDrafts, updateRequest, withoutBases, withoutFields } from './case_draft';

const base: Case = {
  id: 'c1',
  attachmentCount: 0,
  commentCount: 0,
  activityCount: 0,
  version: 'v1',
  title: 'IAM key used from a threat-list IP',
  description: '',
  status: 'open',
  severity: 'low',
  tags: ['iam'],
  assignees: [],
  attachments: [],
  comments: [],
  activity: [],
  createdAt: '2021-04-27T10:00:00.000Z',
  createdBy: 'alice',
  updatedAt: '2021-04-27T10:00:00.000Z',
  updatedBy: 'alice',
  tasks: [],
  closeFields: [],
  closeFieldValues: {},
  times: {},
};

describe('case edits', () => {
  it('sends only what changed, with the version the user saw', () => {
    expect(updateRequest(base, { title: base.title, severity: 'high', tags: ['iam', 's3'] })).toEqual({ version: 'v1', severity: 'high', tags: ['iam', 's3'] });
    expect(updateRequest(base, { tags: ['iam'], description: '' })).toBeNull();
  });

  it('closes with the reason, reopens without one', () => {
    expect(updateRequest(base, { status: 'closed', closeReason: 'true_positive' })).toEqual({ version: 'v1', status: 'closed', closeReason: 'true_positive' });
    const closed: Case = { ...base, status: 'closed', closeReason: 'false_positive' };
    expect(updateRequest(closed, { status: 'open', closeReason: 'false_positive' })).toEqual({ version: 'v1', status: 'open' });
    expect(updateRequest(closed, { closeReason: 'duplicate' })).toEqual({ version: 'v1', closeReason: 'duplicate' });
    expect(updateRequest(base, { closeReason: 'duplicate' })).toBeNull();
  });

  it('shows the draft on top of the case and lists what is unsaved', () => {
    const draft = { severity: 'critical' as const, title: base.title };
    expect(shownValue(base, draft, 'severity')).toBe('critical');
    expect(shownValue(base, draft, 'tags')).toEqual(['iam']);
    expect(pendingFields(base, draft)).toEqual(['severity']);
    expect(withoutFields(draft, ['severity'])).toEqual({ title: base.title });
  });
});

describe('draft bases', () => {
  const c: Case = { ...base, description: 'one', tags: ['a'] };
  it('remembers the value a field draft started from, once', () => {
    const base = startDrafts({}, c, { description: 'typed' });
    expect(base).toEqual({ description: { value: 'one' } });
    expect(startDrafts(base, { ...c, description: 'two' }, { description: 'more' })).toEqual({ description: { value: 'one' } });
  });
  it('tells which drafted fields changed on the case since', () => {
    const base = startDrafts({}, c, { description: 'typed', tags: ['a', 'b'] });
    expect(changedSinceDraft({ ...c, version: 'v9', tags: ['a'] }, base, ['description', 'tags'])).toEqual([]);
    expect(changedSinceDraft({ ...c, description: 'two' }, base, ['description', 'tags'])).toEqual(['description']);
    expect(changedSinceDraft({ ...c, description: 'two' }, withoutBases(base, ['description']), ['description'])).toEqual([]);
    expect(changedSinceDraft({ ...c, description: 'two' }, rebaseDrafts({ ...c, description: 'two' }, { description: 'typed' }), ['description'])).toEqual([]);
  });
});
