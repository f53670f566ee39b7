import { CaseActivity } from '../../common/case_types';
import { describeActivity } from './case_labels';

const at = { at: '2021-04-27T10:00:00.000Z', by: 'alice' };

describe('activity log in words', () => {
  it.each<[CaseActivity, string]>([
    [{ ...at, action: 'created' }, 'created the case'],
    [{ ...at, action: 'status_changed', from: 'in-progress', to: 'closed', closeReason: 'true_positive' }, 'changed status from In progress to Closed (True positive)'],
    [{ ...at, action: 'severity_changed', from: 'low', to: 'high' }, 'changed severity from Low to High'],
    [{ ...at, action: 'tags_changed', added: ['iam', 's3'], removed: ['triage'] }, 'added tags iam, s3; removed tag triage'],
    [{ ...at, action: 'assignees_changed', added: [], removed: ['bob'] }, 'removed assignee bob'],
    [{ ...at, action: 'attachment_added', attachmentId: 'a1', attachmentType: 'event', ref: { index: 'i', id: 'd' }, title: 'PutBucketAcl (success) by role' }, 'attached event "PutBucketAcl (success) by role"'],
    [{ ...at, action: 'close_reason_changed', from: 'false_positive', to: 'duplicate' }, 'changed the close reason from False positive to Duplicate of another case'],
  ])('%#: %j', (activity, text) => {
    expect(describeActivity(activity)).toBe(text);
  });

  it('names an action a newer server logs', () => {
    expect(describeActivity({ ...at, action: 'attachment_removed' } as unknown as CaseActivity)).toBe('attachment removed');
  });
});
