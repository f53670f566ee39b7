import { first } from '../../common/flatten';
import { ServerSourceAdapter } from './types';

export const cloudtrailServer: ServerSourceAdapter = {
  id: 'cloudtrail',
  reads: [
    '@timestamp',
    'event.action',
    'event.outcome',
    'eventName',
    'eventSource',
    'source.ip',
    'source.address',
    'user.id',
    'user.name',
    'userIdentity.type',
    'userIdentity.sessionContext.sessionIssuer.userName',
    'requestParameters.bucketName',
    'requestParameters.key',
    'requestParameters.roleSessionName',
    'requestParameters.userName',
    'requestParameters.x-amz-grant-read',
    'responseElements.credentials.accessKeyId',
    'error.code',
    'user_agent.original',
    'cloud.instance.id',
    'cloud.account.id',
    'cloud.region',
  ],
  describe(doc, timestamp) {
    const action = first(doc, 'event.action', 'eventName') ?? 'API call';
    const bucket = first(doc, 'requestParameters.bucketName');
    const key = first(doc, 'requestParameters.key');
    const target = bucket ? ` ${bucket}${key ? `/${key}` : ''}` : first(doc, 'requestParameters.userName') ? ` ${first(doc, 'requestParameters.userName')}` : '';
    const who = first(doc, 'user.id', 'userIdentity.sessionContext.sessionIssuer.userName', 'user.name');
    const from = first(doc, 'source.ip', 'source.address');
    const grant = first(doc, 'requestParameters.x-amz-grant-read');
    const error = first(doc, 'error.code');
    const outcome = first(doc, 'event.outcome');
    return {
      timestamp,
      action,
      summary:
        `${action}${target}` +
        (grant?.includes('AllUsers') ? ' (read granted to everyone)' : '') +
        (who ? ` by ${who}` : '') +
        (from ? ` from ${from}` : '') +
        (error ? ` — ${error}` : ''),
      outcome,
      mergeKey: `cloudtrail|${action}|${target}|${who}|${from}|${outcome}`,
    };
  },
  link(b, d) {
    const key = b.node('access_key', first(d, 'user.id'));
    const action = first(d, 'event.action', 'eventName') ?? 'call';
    const role = b.node('role', first(d, 'userIdentity.sessionContext.sessionIssuer.userName'));
    b.edge(role, key, 'issued');
    if (action === 'AssumeRole') {
      const issued = b.node('access_key', first(d, 'responseElements.credentials.accessKeyId'));
      const inst = b.node('instance', first(d, 'cloud.instance.id', 'requestParameters.roleSessionName'));
      b.edge(inst, issued, 'received credentials');
      return;
    }
    b.edge(key, b.node('ip', first(d, 'source.ip')), 'called from');
    const bucket = b.node('bucket', first(d, 'requestParameters.bucketName'));
    const objectKey = first(d, 'requestParameters.key');
    if (objectKey && bucket) {
      const obj = b.node('object', `${first(d, 'requestParameters.bucketName')}/${objectKey}`, objectKey);
      b.edge(key, obj, action);
      b.edge(obj, bucket, 'stored in');
    } else {
      b.edge(key, bucket, action);
    }
  },
};
