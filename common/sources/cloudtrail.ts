import { first } from '../flatten';
import { SourceAdapter } from './types';

export const cloudtrail: SourceAdapter = {
  definition: {
    id: 'cloudtrail',
    label: 'CloudTrail',
    indexPattern: 'log-aws-cloudtrail-*',
    timeField: '@timestamp',
    indexPatternId: '5f946950-7fc8-11ea-945d-8d0868f4a377',
    columns: [
      '@timestamp',
      'event.action',
      'event.outcome',
      'source.ip',
      'user.id',
      'user.name',
      'requestParameters.bucketName',
      'requestParameters.key',
      'error.code',
      'user_agent.original',
    ],
  },
  attachmentType: 'event',
  title(doc) {
    const action = first(doc, 'event.action', 'eventName');
    if (!action) return undefined;
    const outcome = first(doc, 'error.code', 'event.outcome');
    // For an assumed role, the role says more than the session name.
    const who = first(doc, 'userIdentity.sessionContext.sessionIssuer.userName', 'user.name', 'user.id');
    return `${action}${outcome ? ` (${outcome})` : ''}${who ? ` by ${who}` : ''}`;
  },
};
