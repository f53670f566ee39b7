import { i18n } from '@osd/i18n';
import { FlatDoc, first, values } from '../../common/flatten';
import { ServerSourceAdapter } from './types';

const WORLD = ['0.0.0.0/0', '::/0'];
const PERMISSIONS = 'configuration.ipPermissions';

/**
 * A security group's ingress open to the whole internet: the world ranges its ingress permissions
 * hold and their ports. A flattened item no longer pairs a range with its permission, so the ports
 * are those of every ingress permission (the story says "ingress ports").
 */
export function worldIngress(doc: FlatDoc): { ranges: string[]; ports: string[] } | undefined {
  if (first(doc, 'resourceType') !== 'AWS::EC2::SecurityGroup') return undefined;
  const ranges = [...new Set([...values(doc, `${PERMISSIONS}.ipRanges`), ...values(doc, `${PERMISSIONS}.ipv4Ranges.cidrIp`), ...values(doc, `${PERMISSIONS}.ipv6Ranges.cidrIpv6`)])].filter((r) =>
    WORLD.includes(r)
  );
  if (!ranges.length) return undefined;
  const from = values(doc, `${PERMISSIONS}.fromPort`);
  const to = values(doc, `${PERMISSIONS}.toPort`);
  const ports = [...new Set(from.map((f, i) => (f === '-1' ? 'all' : to[i] && to[i] !== f ? `${f}-${to[i]}` : f)))];
  // "-1": every protocol and port (such a permission has no ports).
  if (values(doc, `${PERMISSIONS}.ipProtocol`).includes('-1') && !ports.includes('all')) ports.push('all');
  return { ranges, ports };
}

/**
 * What a bucket's configuration item says about public access: a policy statement that allows
 * everyone (`"Principal": "*"` or `{"AWS": "*"}`, without a condition), and the bucket's Block
 * Public Access settings turned off. The policy text is log data: parsed, never evaluated further.
 */
export function bucketExposure(doc: FlatDoc): { policy: boolean; publicPolicy: boolean; blockOff: boolean } | undefined {
  if (first(doc, 'resourceType') !== 'AWS::S3::Bucket') return undefined;
  const text = first(doc, 'supplementaryConfiguration.BucketPolicy.policyText');
  let publicPolicy = false;
  if (text) {
    try {
      const policy = JSON.parse(text) as { Statement?: unknown };
      const statements = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
      publicPolicy = statements.some((s) => {
        if (!s || typeof s !== 'object') return false;
        const st = s as { Effect?: unknown; Principal?: unknown; Condition?: unknown };
        const p = st.Principal;
        const everyone = p === '*' || (typeof p === 'object' && p !== null && ([] as unknown[]).concat((p as { AWS?: unknown }).AWS).includes('*'));
        return st.Effect === 'Allow' && everyone && !st.Condition;
      });
    } catch {
      publicPolicy = false;
    }
  }
  const pab = 'supplementaryConfiguration.PublicAccessBlockConfiguration';
  const blockOff = ['blockPublicPolicy', 'restrictPublicBuckets', 'blockPublicAcls', 'ignorePublicAcls'].some((k) => first(doc, `${pab}.${k}`) === 'false');
  return { policy: !!text, publicPolicy, blockOff };
}

export const configServer: ServerSourceAdapter = {
  id: 'config',
  reads: [
    '@timestamp',
    'resourceType',
    'resourceId',
    'resourceName',
    'ARN',
    'configurationItemStatus',
    'configurationStateId',
    'relatedEvents',
    'relationships.resourceId',
    'relationships.resourceType',
    'cloud.instance.id',
    'cloud.account.id',
    `${PERMISSIONS}.fromPort`,
    `${PERMISSIONS}.toPort`,
    `${PERMISSIONS}.ipProtocol`,
    `${PERMISSIONS}.ipRanges`,
    `${PERMISSIONS}.ipv4Ranges.cidrIp`,
    `${PERMISSIONS}.ipv6Ranges.cidrIpv6`,
    'configuration.groupName',
    'configuration.state_name',
    'supplementaryConfiguration.BucketPolicy.policyText',
    'supplementaryConfiguration.PublicAccessBlockConfiguration.blockPublicAcls',
    'supplementaryConfiguration.PublicAccessBlockConfiguration.blockPublicPolicy',
    'supplementaryConfiguration.PublicAccessBlockConfiguration.ignorePublicAcls',
    'supplementaryConfiguration.PublicAccessBlockConfiguration.restrictPublicBuckets',
  ],
  describe(doc, timestamp) {
    const type = first(doc, 'resourceType') ?? '?';
    const id = first(doc, 'resourceId') ?? '?';
    const name = first(doc, 'resourceName', 'configuration.groupName');
    const status = first(doc, 'configurationItemStatus') ?? 'OK';
    const open = worldIngress(doc);
    const bucket = bucketExposure(doc);
    const detail = open
      ? i18n.translate('siemInvestigations.timeline.config.worldIngress', { defaultMessage: 'ingress open to {ranges} (its ingress rules: ports {ports})', values: { ranges: open.ranges.join(', '), ports: open.ports.join(', ') || '-' } })
      : bucket?.publicPolicy
        ? i18n.translate('siemInvestigations.timeline.config.publicPolicy', { defaultMessage: 'bucket policy allows everyone' })
        : bucket?.blockOff
          ? i18n.translate('siemInvestigations.timeline.config.blockOff', { defaultMessage: 'Block Public Access off' })
          : undefined;
    return {
      timestamp,
      action: i18n.translate('siemInvestigations.timeline.config.action', {
        defaultMessage: '{status, select, ResourceDiscovered {Config: resource discovered} ResourceDeleted {Config: resource deleted} ResourceDeletedNotRecorded {Config: resource deleted} other {Config: configuration changed}}',
        values: { status },
      }),
      summary: i18n.translate('siemInvestigations.timeline.config.summary', {
        defaultMessage: '{type} {id}{hasName, select, yes { ({name})} other {}}{hasDetail, select, yes {: {detail}} other {}}',
        values: { type, id, hasName: name && name !== id ? 'yes' : 'no', name: name ?? '', hasDetail: detail ? 'yes' : 'no', detail: detail ?? '' },
      }),
      // Each recorded state is its own entry.
      mergeKey: `config|${type}|${id}|${first(doc, 'configurationStateId')}|${timestamp}`,
    };
  },
  // A configuration item adds no relation between entities (its security groups are not entities);
  // the change is told on the timeline and in the story.
  link() {},
};
