import { Case, CaseAttachment, CaseSummary } from '../../common/case_types';

export const XSS = '<img src=x onerror=alert(1)>';

const finding: CaseAttachment = {
  id: 'att-1',
  type: 'finding',
  ref: { index: 'log-aws-guardduty-2021-04', id: '8ebc3ff5a1e4d2c0f6a7b8c9d0e1f2a3_9' },
  snapshot: {
    source: 'guardduty',
    timestamp: '2021-04-27T10:45:48.107Z',
    title: 'API GetObject was invoked from an IP address on a custom threat list.',
    fields: {
      '@timestamp': '2021-04-27T10:45:48.107Z',
      type: 'UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom',
      title: 'API GetObject was invoked from an IP address on a custom threat list.',
      severity: '5',
      'source.ip': '198.51.100.7',
    },
  },
  addedAt: '2021-04-28T08:00:00.000Z',
  addedBy: 'alice',
  available: true,
};

const putBucketAcl: CaseAttachment = {
  id: 'att-2',
  type: 'event',
  ref: { index: 'log-aws-cloudtrail-2021-04', id: '2b1f4c6e-9a8d-4e3f-b2c1-0d9e8f7a6b5c' },
  snapshot: {
    source: 'cloudtrail',
    timestamp: '2021-04-27T10:21:19.000Z',
    title: 'PutBucketAcl (success) by role',
    fields: { '@timestamp': '2021-04-27T10:21:19.000Z', 'event.action': 'PutBucketAcl', 'event.outcome': 'success', 'user_agent.original': XSS },
  },
  addedAt: '2021-04-28T08:01:00.000Z',
  addedBy: 'alice',
  available: false,
};

/** A case as the server answers it: a finding, an aged-out event, a comment quoting attacker HTML. */
export function caseFixture(changes: Partial<Case> = {}): Case {
  const c: Case = {
    id: 'case-1',
    number: 7,
    reference: 'SIR-7',
    version: 'WzEsMV0=',
    title: 'IAM key used from a threat-list IP',
    description: `The access key was used from a threat-list IP.\n\nUser agent seen: ${XSS}`,
    status: 'open',
    severity: 'medium',
    tags: ['iam'],
    assignees: ['alice'],
    attachments: [finding, putBucketAcl],
    comments: [{ id: 'cm-1', text: `**Checked** the bucket ACL. Payload: ${XSS}`, createdAt: '2021-04-28T08:05:00.000Z', createdBy: 'alice' }],
    activity: [
      { at: '2021-04-28T08:00:00.000Z', by: 'alice', action: 'created' },
      { at: '2021-04-28T08:05:00.000Z', by: 'alice', action: 'comment_added', commentId: 'cm-1' },
    ],
    createdAt: '2021-04-28T08:00:00.000Z',
    createdBy: 'alice',
    updatedAt: '2021-04-28T08:05:00.000Z',
    updatedBy: 'alice',
    tasks: [],
    closeFields: [],
    closeFieldValues: {},
    times: { acknowledgedAt: '2021-04-28T08:00:00.000Z', timeToAcknowledgeMs: 0 },
    attachmentCount: 0,
    commentCount: 0,
    activityCount: 0,
    ...changes,
  };
  // Counts follow the items given, unless the test sets them (a case with more items than its first page).
  return {
    ...c,
    attachmentCount: changes.attachmentCount ?? c.attachments.length,
    commentCount: changes.commentCount ?? c.comments.length,
    activityCount: changes.activityCount ?? c.activity.length,
  };
}

export function caseSummary(c: Case): CaseSummary {
  const { description: _d, attachments: _t, comments: _m, activity: _a, activityCount: _n, closedAt: _c, closedBy: _b, tasks: _k, closeFields: _f, closeFieldValues: _v, template: _p, ...rest } = c;
  return rest;
}
