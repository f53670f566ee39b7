import { i18n } from '@osd/i18n';
import { first, FlatDoc, values } from '../../common/flatten';
import { guardDutyType } from '../../common/sources/guardduty';
import { EntityType } from '../../common/types';
import { GraphBuilder } from '../correlation/graph_builder';
import { instanceFromPrincipalId } from '../correlation/entity_values';
import { ServerSourceAdapter } from './types';

const FINDING_RELATION: Partial<Record<EntityType, string>> = {
  get access_key() {
    return i18n.translate('siemInvestigations.graph.involvesKey', { defaultMessage: 'involves key' });
  },
  get role() {
    return i18n.translate('siemInvestigations.graph.involvesRole', { defaultMessage: 'involves role' });
  },
  get user() {
    return i18n.translate('siemInvestigations.graph.involvesUser', { defaultMessage: 'involves user' });
  },
  get instance() {
    return i18n.translate('siemInvestigations.graph.involvesInstance', { defaultMessage: 'involves instance' });
  },
  get bucket() {
    return i18n.translate('siemInvestigations.graph.targetsBucket', { defaultMessage: 'targets bucket' });
  },
};

/** A GuardDuty finding on the graph: the credentials, principal, instance, remote addresses and buckets it names. */
export function linkGuardDutyFinding(b: GraphBuilder, findingNode: string | undefined, doc: FlatDoc): void {
  const key = b.node('access_key', first(doc, 'resource.accessKeyDetails.accessKeyId', 'user.id'));
  const userName = first(doc, 'resource.accessKeyDetails.userName', 'user.name');
  const assumedRole = first(doc, 'resource.accessKeyDetails.userType') === 'AssumedRole';
  const principal = b.node(assumedRole ? 'role' : 'user', userName);
  const instance = b.node('instance', first(doc, 'resource.instanceDetails.instanceId', 'cloud.instance.id') ?? instanceFromPrincipalId(first(doc, 'resource.accessKeyDetails.principalId')));
  b.edge(findingNode, key, FINDING_RELATION.access_key!);
  b.edge(findingNode, instance, FINDING_RELATION.instance!);
  b.edge(findingNode, principal, assumedRole ? FINDING_RELATION.role! : FINDING_RELATION.user!);
  b.edge(principal, key, i18n.translate('siemInvestigations.graph.issued', { defaultMessage: 'issued' }));
  if (assumedRole) b.edge(instance, principal, i18n.translate('siemInvestigations.graph.runsAs', { defaultMessage: 'runs as' }));
  for (const ip of [
    ...values(doc, 'service.action.awsApiCallAction.remoteIpDetails.ipAddressV4'),
    ...values(doc, 'service.action.networkConnectionAction.remoteIpDetails.ipAddressV4'),
    ...values(doc, 'service.action.portProbeAction.portProbeDetails.remoteIpDetails.ipAddressV4'),
  ]) {
    b.edge(findingNode, b.node('ip', ip), i18n.translate('siemInvestigations.graph.remoteAddress', { defaultMessage: 'remote address' }));
  }
  for (const bucket of values(doc, 'service.action.awsApiCallAction.affectedResources.AWS::S3::Bucket')) {
    b.edge(findingNode, b.node('bucket', bucket), FINDING_RELATION.bucket!);
  }
}

export const guarddutyServer: ServerSourceAdapter = {
  id: 'guardduty',
  reads: [
    '@timestamp',
    '@id',
    'id',
    'type',
    'title',
    'severity',
    'rule',
    'user',
    'source.ip',
    'destination.ip',
    'related.ip',
    'network.direction',
    'cloud',
    'resource.resourceType',
    'resource.accessKeyDetails',
    'resource.instanceDetails.instanceId',
    'resource.instanceDetails.networkInterfaces.privateIpAddress',
    'resource.instanceDetails.networkInterfaces.publicIp',
    'resource.s3BucketDetails.name',
    'service.count',
    'service.eventFirstSeen',
    'service.eventLastSeen',
    'service.action',
    'accountId',
    'region',
  ],
  describe(doc, timestamp) {
    const type = first(doc, 'type', 'rule.id') ?? 'GuardDuty finding';
    const title = first(doc, 'title') ?? type;
    return {
      timestamp: first(doc, 'service.eventFirstSeen') ?? timestamp,
      action: type,
      summary: title.trim(),
      mergeKey: `guardduty|${first(doc, '@id', 'id')}`,
    };
  },
  link(b, doc) {
    linkGuardDutyFinding(b, b.node('finding', first(doc, '@id', 'id'), guardDutyType(doc)), doc);
  },
};
