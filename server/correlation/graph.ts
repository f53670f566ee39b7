import { LIMITS } from '../../common/constants';
import { EntityGraph, EntityType, FindingSummary, GraphEdge, GraphNode, GraphNodeType } from '../../common/types';
import { clipText } from '../lib/bounds';
import { EntitySet } from './entity_set';
import { FlatDoc, first, values } from '../../common/flatten';
import { ParsedGroup } from './response_parser';
import { instanceFromPrincipalId, isValidEntityValue } from './entity_values';

/** Who touched what: entities as nodes, what the evidence shows between them as edges. */
class GraphBuilder {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();

  node(type: GraphNodeType, value: string | undefined, label?: string): string | undefined {
    if (!value) return undefined;
    if (type !== 'finding' && !isValidEntityValue(type, value)) return undefined;
    const id = `${type}:${value}`;
    if (!this.nodes.has(id)) {
      if (this.nodes.size >= LIMITS.graphNodes) return undefined;
      this.nodes.set(id, { id, type, value: clipText(value, LIMITS.labelChars), ...(label ? { label: clipText(label, LIMITS.labelChars) } : {}) });
    }
    return id;
  }

  edge(from: string | undefined, to: string | undefined, relation: string, count = 1): void {
    if (!from || !to || from === to) return;
    const key = `${from}\u0000${to}\u0000${relation}`;
    const e = this.edges.get(key);
    if (e) e.count += count;
    else this.edges.set(key, { from, to, relation, count });
  }

  build(): EntityGraph {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }
}

const FINDING_RELATION: Partial<Record<EntityType, string>> = {
  access_key: 'involves key',
  role: 'involves role',
  user: 'involves user',
  instance: 'involves instance',
  bucket: 'targets bucket',
};

function linkFinding(b: GraphBuilder, findingNode: string | undefined, doc: FlatDoc): void {
  const key = b.node('access_key', first(doc, 'resource.accessKeyDetails.accessKeyId', 'user.id'));
  const userName = first(doc, 'resource.accessKeyDetails.userName', 'user.name');
  const assumedRole = first(doc, 'resource.accessKeyDetails.userType') === 'AssumedRole';
  const principal = b.node(assumedRole ? 'role' : 'user', userName);
  const instance = b.node('instance', first(doc, 'resource.instanceDetails.instanceId', 'cloud.instance.id') ?? instanceFromPrincipalId(first(doc, 'resource.accessKeyDetails.principalId')));
  b.edge(findingNode, key, FINDING_RELATION.access_key!);
  b.edge(findingNode, instance, FINDING_RELATION.instance!);
  b.edge(findingNode, principal, assumedRole ? FINDING_RELATION.role! : FINDING_RELATION.user!);
  b.edge(principal, key, 'issued');
  if (assumedRole) b.edge(instance, principal, 'runs as');
  for (const ip of [
    ...values(doc, 'service.action.awsApiCallAction.remoteIpDetails.ipAddressV4'),
    ...values(doc, 'service.action.networkConnectionAction.remoteIpDetails.ipAddressV4'),
    ...values(doc, 'service.action.portProbeAction.portProbeDetails.remoteIpDetails.ipAddressV4'),
  ]) {
    b.edge(findingNode, b.node('ip', ip), 'remote address');
  }
  for (const bucket of values(doc, 'service.action.awsApiCallAction.affectedResources.AWS::S3::Bucket')) {
    b.edge(findingNode, b.node('bucket', bucket), FINDING_RELATION.bucket!);
  }
}

export function buildGraph(finding: FindingSummary, findingDoc: FlatDoc, entities: EntitySet, groups: ParsedGroup[]): EntityGraph {
  const b = new GraphBuilder();
  const root = b.node('finding', finding.findingId, finding.type);
  linkFinding(b, root, findingDoc);

  for (const g of groups) {
    for (const h of g.hits) {
      const d = h.doc;
      if (g.id === 'guardduty.related') {
        linkFinding(b, b.node('finding', first(d, '@id', 'id'), first(d, 'type', 'rule.id')), d);
      } else if (g.source === 'cloudtrail') {
        const key = b.node('access_key', first(d, 'user.id'));
        const action = first(d, 'event.action', 'eventName') ?? 'call';
        const role = b.node('role', first(d, 'userIdentity.sessionContext.sessionIssuer.userName'));
        b.edge(role, key, 'issued');
        if (action === 'AssumeRole') {
          const issued = b.node('access_key', first(d, 'responseElements.credentials.accessKeyId'));
          const inst = b.node('instance', first(d, 'cloud.instance.id', 'requestParameters.roleSessionName'));
          b.edge(inst, issued, 'received credentials');
          continue;
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
      } else if (g.source === 'linux_secure') {
        const ip = b.node('ip', first(d, 'source.ip'));
        const inst = b.node('instance', first(d, 'cloud.instance.id'));
        const outcome = first(d, 'event.outcome');
        const user = first(d, 'user.name');
        if (outcome === 'success' && user) {
          const u = b.node('user', user);
          b.edge(ip, u, 'logged in as');
          b.edge(u, inst, 'logged into');
        } else if (outcome === 'failure') {
          b.edge(ip, inst, 'failed SSH login');
        }
      } else if (g.source === 'securityhub' && g.hits.indexOf(h) < 5) {
        const f = b.node('finding', first(d, '@id'), first(d, 'Title', 'rule.name'));
        b.edge(f, b.node('instance', first(d, 'cloud.instance.id', 'ProductFields.attributes/INSTANCE_ID')), 'reports');
        for (const arn of values(d, 'Resources.Id')) {
          if (arn.startsWith('arn:aws:s3:::')) b.edge(f, b.node('bucket', arn.slice('arn:aws:s3:::'.length)), 'reports');
        }
      }
    }
  }
  // Entities the finding named that no evidence connected still belong on the picture.
  for (const e of entities.toArray()) {
    if (e.sources.includes('finding') && (e.type === 'access_key' || e.type === 'instance' || e.type === 'role')) b.node(e.type, e.value);
  }
  return b.build();
}
