import { i18n } from '@osd/i18n';
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
    const action = first(doc, 'event.action', 'eventName') ?? i18n.translate('siemInvestigations.timeline.cloudtrail.apiCall', { defaultMessage: 'API call' });
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
        (grant?.includes('AllUsers') ? i18n.translate('siemInvestigations.timeline.cloudtrail.readToEveryone', { defaultMessage: ' (read granted to everyone)' }) : '') +
        (who ? i18n.translate('siemInvestigations.timeline.cloudtrail.by', { defaultMessage: ' by {who}', values: { who } }) : '') +
        (from ? i18n.translate('siemInvestigations.timeline.cloudtrail.from', { defaultMessage: ' from {from}', values: { from } }) : '') +
        (error ? ` — ${error}` : ''),
      outcome,
      mergeKey: `cloudtrail|${action}|${target}|${who}|${from}|${outcome}`,
    };
  },
  link(b, d) {
    const key = b.node('access_key', first(d, 'user.id'));
    const action = first(d, 'event.action', 'eventName') ?? 'call';
    const role = b.node('role', first(d, 'userIdentity.sessionContext.sessionIssuer.userName'));
    b.edge(role, key, i18n.translate('siemInvestigations.graph.issued', { defaultMessage: 'issued' }));
    if (action === 'AssumeRole') {
      const issued = b.node('access_key', first(d, 'responseElements.credentials.accessKeyId'));
      const inst = b.node('instance', first(d, 'cloud.instance.id', 'requestParameters.roleSessionName'));
      b.edge(inst, issued, i18n.translate('siemInvestigations.graph.receivedCredentials', { defaultMessage: 'received credentials' }));
      return;
    }
    b.edge(key, b.node('ip', first(d, 'source.ip')), i18n.translate('siemInvestigations.graph.calledFrom', { defaultMessage: 'called from' }));
    const bucket = b.node('bucket', first(d, 'requestParameters.bucketName'));
    const objectKey = first(d, 'requestParameters.key');
    if (objectKey && bucket) {
      const obj = b.node('object', `${first(d, 'requestParameters.bucketName')}/${objectKey}`, objectKey);
      b.edge(key, obj, action);
      b.edge(obj, bucket, i18n.translate('siemInvestigations.graph.storedIn', { defaultMessage: 'stored in' }));
    } else {
      b.edge(key, bucket, action);
    }
  },
};
