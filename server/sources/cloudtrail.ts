import { i18n } from '@osd/i18n';
import { first, FlatDoc } from '../../common/flatten';
import type { GraphBuilder } from '../correlation/graph_builder';
import { ServerSourceAdapter } from './types';

/** Calls that create a principal, give it credentials or permissions, or hand out temporary credentials. */
export const CREATION_CALLS = [
  'CreateUser',
  'CreateAccessKey',
  'CreateLoginProfile',
  'UpdateLoginProfile',
  'AttachUserPolicy',
  'PutUserPolicy',
  'AddUserToGroup',
  'CreateRole',
  'AttachRolePolicy',
  'PutRolePolicy',
  'UpdateAssumeRolePolicy',
  'AssumeRole',
  'GetSessionToken',
  'GetFederationToken',
];

/** The account of an IAM/STS ARN (`arn:aws:iam::210987654321:role/x`). */
export function accountOfArn(arn: string | undefined): string | undefined {
  return /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/.exec(arn ?? '')?.[1];
}

/** The caller's account: the identity's, else the trail's. */
export function callerAccount(doc: FlatDoc): string | undefined {
  return first(doc, 'userIdentity.accountId', 'cloud.account.id');
}

/** One creation call in words: `CreateAccessKey AKIA… for backup-admin`, `AssumeRole into role X in account Y`. */
export function describeCreation(doc: FlatDoc): string {
  const action = first(doc, 'event.action', 'eventName') ?? 'call';
  const user = first(doc, 'requestParameters.userName');
  const role = first(doc, 'requestParameters.roleName');
  const policy = first(doc, 'requestParameters.policyArn', 'requestParameters.policyName');
  switch (action) {
    case 'CreateUser':
      return `CreateUser ${user ?? '(unknown name)'}`;
    case 'CreateAccessKey': {
      const key = first(doc, 'responseElements.accessKey.accessKeyId');
      const owner = first(doc, 'responseElements.accessKey.userName') ?? user;
      return `CreateAccessKey ${key ?? '(no key issued)'}${owner ? ` for ${owner}` : ''}`;
    }
    case 'CreateLoginProfile':
    case 'UpdateLoginProfile':
      return `${action} (console password) for ${user ?? 'the caller'}`;
    case 'AttachUserPolicy':
    case 'PutUserPolicy':
    case 'AddUserToGroup':
      return `${action} ${policy ?? first(doc, 'requestParameters.groupName') ?? ''} to ${user ?? 'a user'}`.replace('  ', ' ');
    case 'CreateRole':
    case 'UpdateAssumeRolePolicy':
      return `${action} ${role ?? ''}`.trim();
    case 'AttachRolePolicy':
    case 'PutRolePolicy':
      return `${action} ${policy ?? ''} to role ${role ?? ''}`.replace('  ', ' ').trim();
    case 'AssumeRole': {
      const arn = first(doc, 'requestParameters.roleArn');
      const target = accountOfArn(arn);
      const other = target && target !== callerAccount(doc) ? ` in account ${target}` : '';
      const key = first(doc, 'responseElements.credentials.accessKeyId');
      return `AssumeRole into ${arn?.split('/').pop() ?? 'a role'}${other}${key ? ` (key ${key})` : ''}`;
    }
    case 'GetSessionToken':
    case 'GetFederationToken': {
      const key = first(doc, 'responseElements.credentials.accessKeyId');
      const name = first(doc, 'requestParameters.name');
      return `${action}${name ? ` ${name}` : ''}${key ? ` (key ${key})` : ''}`;
    }
    default:
      return action;
  }
}

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
    // Credential chains (server/playbooks/rules/cloudtrail_chains.ts).
    'requestParameters.roleName',
    'requestParameters.roleArn',
    'requestParameters.policyArn',
    'requestParameters.policyName',
    'requestParameters.groupName',
    'requestParameters.name',
    'responseElements.accessKey.accessKeyId',
    'responseElements.accessKey.userName',
    'responseElements.ConsoleLogin',
    'additionalEventData.MFAUsed',
    'resources.accountId',
    'userIdentity.accountId',
    'userIdentity.arn',
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
    let target = bucket ? ` ${bucket}${key ? `/${key}` : ''}` : first(doc, 'requestParameters.userName') ? ` ${first(doc, 'requestParameters.userName')}` : '';
    // A credential chain's calls say what they made (EC2's own credential delivery reads as before).
    if (CREATION_CALLS.includes(action) && first(doc, 'user.id')) target = describeCreation(doc).slice(action.length);
    if (action === 'ConsoleLogin') target = ` (MFA ${first(doc, 'additionalEventData.MFAUsed') ?? 'unknown'})`;
    const who = action === 'ConsoleLogin' ? first(doc, 'user.name') : first(doc, 'user.id', 'userIdentity.sessionContext.sessionIssuer.userName', 'user.name');
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
    b.edge(role, key, 'issued');
    if (action === 'ConsoleLogin') {
      b.edge(b.node('ip', first(d, 'source.ip')), b.node('user', first(d, 'user.name')), first(d, 'event.outcome') === 'success' ? 'signed in as' : 'failed to sign in as');
      return;
    }
    if (key && CREATION_CALLS.includes(action)) {
      linkCreation(b, d, key, action);
      b.edge(key, b.node('ip', first(d, 'source.ip')), 'called from');
      return;
    }
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

/** What a credential chain's call made: the new user, key, role or temporary key, and the accounts it links. */
function linkCreation(b: GraphBuilder, d: FlatDoc, key: string, action: string): void {
  if (first(d, 'event.outcome') !== 'success') return;
  const user = b.node('user', first(d, 'requestParameters.userName'));
  const role = b.node('role', first(d, 'requestParameters.roleName'));
  const newKey = b.node('access_key', first(d, 'responseElements.accessKey.accessKeyId', 'responseElements.credentials.accessKeyId'));
  if (action === 'CreateUser') b.edge(key, user, 'created user');
  else if (newKey && action === 'CreateAccessKey') {
    b.edge(key, newKey, 'created key');
    b.edge(newKey, user, 'key of');
  } else if (newKey) {
    b.edge(key, newKey, action === 'AssumeRole' ? 'assumed role' : 'got temporary key');
  } else if (user) b.edge(key, user, action);
  else if (role) b.edge(key, role, action);
  if (action === 'AssumeRole') {
    // AssumeRole into another account: the evidence that links the two accounts.
    const target = accountOfArn(first(d, 'requestParameters.roleArn'));
    const caller = callerAccount(d);
    if (target && caller && target !== caller) b.edge(b.node('account', caller), b.node('account', target), 'assumed a role in');
  }
}
