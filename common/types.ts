/** Wire types of the HTTP API, shared by the browser and the server (see ARCHITECTURE.md). */

export type SourceId = 'guardduty' | 'cloudtrail' | 'linux_secure' | 'securityhub' | 'vpcflowlogs' | 'r53resolver' | 's3accesslog' | 'windows_event' | 'linux_os' | 'waf' | 'elb' | 'networkfirewall' | 'config';

export const SOURCE_IDS: readonly SourceId[] = ['guardduty', 'cloudtrail', 'linux_secure', 'securityhub', 'vpcflowlogs', 'r53resolver', 's3accesslog', 'windows_event', 'linux_os', 'waf', 'elb', 'networkfirewall', 'config'];

export interface DocRef {
  index: string;
  id: string;
}

export type Severity = 'low' | 'medium' | 'high' | 'critical';

export interface FindingSummary {
  ref: DocRef;
  findingId: string;
  type: string;
  title: string;
  /** GuardDuty's numeric severity (0.1 – 10). */
  severity: number;
  severityLabel: Severity;
  /** `@timestamp` of the newest document of this finding (GuardDuty `updatedAt`). */
  timestamp: string;
  firstSeen?: string;
  lastSeen?: string;
  /** GuardDuty `service.count`: how many times the activity was seen. */
  count: number;
  accountId?: string;
  region?: string;
  resourceType?: string;
  /**
   * The findings list only: the entities that would become case observables if it were attached
   * (bounded), for its "seen in N cases" badge (`POST /cases/seen_in`).
   */
  entities?: Array<{ type: EntityType; value: string }>;
}

/**
 * What an answer built from searches did not read: OpenSearch answers HTTP 200 with
 * `_shards.failed > 0` when some shards fail (an index mapping a field the search reads otherwise, a
 * node lost, `rejected_execution`) and returns the other shards' hits; and with `timed_out` when a
 * search stopped at its `timeout`. The reader notes both for every search it parses
 * (server/lib/unread_shards.ts); an answer carries it as `unread` only when something was not read.
 */
export interface UnreadShards {
  /**
   * Shards that failed. Over several searches of one answer, searches that failed on the same
   * indices count once (the most any of them missed), searches failing on other indices add up.
   */
  shards: number;
  /** Shards those searches asked ("2 of 3 shards"), when OpenSearch said. */
  of?: number;
  /** The failing shards' indices, at most 5. */
  indices: string[];
  /** The first reason OpenSearch gave, clipped ('' when only a timeout). */
  reason: string;
  /** A search stopped at its `timeout`: what its shards had not read yet is missing too. */
  timedOut?: boolean;
}

export interface FindingsResponse {
  total: number;
  findings: FindingSummary[];
  /** Shards the search could not read: findings of these indices may be missing. */
  unread?: UnreadShards;
}

export type EntityType =
  | 'access_key'
  | 'role'
  | 'user'
  | 'instance'
  | 'ip'
  | 'account'
  | 'region'
  | 'bucket'
  | 'object'
  | 'principal_arn'
  | 'k8s_cluster'
  | 'k8s_namespace'
  | 'k8s_user'
  | 'k8s_workload'
  | 'container_image'
  | 'ecs_cluster'
  | 'ecs_task'
  | 'lambda_function'
  | 'rds_instance'
  | 'db_user'
  | 'domain'
  | 'process'
  | 'file_hash'
  | 'signal';

export const ENTITY_TYPES: readonly EntityType[] = [
  'access_key',
  'role',
  'user',
  'instance',
  'ip',
  'account',
  'region',
  'bucket',
  'object',
  'principal_arn',
  'k8s_cluster',
  'k8s_namespace',
  'k8s_user',
  'k8s_workload',
  'container_image',
  'ecs_cluster',
  'ecs_task',
  'lambda_function',
  'rds_instance',
  'db_user',
  'domain',
  'process',
  'file_hash',
  'signal',
];

export interface Entity {
  type: EntityType;
  value: string;
  /** Where the value was seen: `finding` or the evidence group ids that yielded it. */
  sources: string[];
  /** Why it is in the investigation: for each of `sources`, a document that names it (when one was read). */
  refs?: Record<string, DocRef>;
  /** For IPs: `remote` (the other side: attacker, caller) or `local` (the resource's own address). */
  role?: 'remote' | 'local';
}

export interface FacetBucket {
  value: string;
  count: number;
  /** The facet's summed field over the documents of this value (`PivotFacet.sum`). */
  sum?: number;
  /** How many distinct values of the facet's second field these documents hold (`PivotFacet.distinct`), e.g. objects per bucket. */
  distinct?: number;
}

export interface Facet {
  field: string;
  label: string;
  buckets: FacetBucket[];
}

export interface EvidenceHit {
  ref: DocRef;
  timestamp: string;
  /** Flattened key fields of the document (dotted names → string or string[]), clipped to LIMITS.hitValue*. */
  fields: Record<string, string | string[]>;
  /** Some value of `fields` was clipped: the document flyout shows it whole. */
  truncated?: boolean;
}

export interface EvidenceGroup {
  id: string;
  source: SourceId;
  title: string;
  /** The analyst's question this group answers, e.g. "Did the SSH brute force succeed?". */
  question: string;
  indexPattern: string;
  /** Saved-object id of the index pattern in Dashboards (deployment config), for "Open in Discover". */
  indexPatternId: string;
  timeField: string;
  /** The exact query DSL that was sent (without size/sort/aggs), for Discover and for review. */
  query: Record<string, unknown>;
  /** The fields shown as columns for this group. */
  columns: string[];
  /**
   * Documents that match (findings, for a group that collapses a finding's updates). Exact unless
   * `totalIsLowerBound`: when the collection stopped early (`breakdownIsPartial`), the same query is
   * counted again without the bound in the next round trip, and only a count that failed, timed out
   * or could not ride in a later round trip leaves the lower bound.
   */
  total: number;
  /**
   * `total` is a lower bound: the collection stopped early and the exact count could not be taken
   * (see `total`). The facet counts are then lower bounds too, and the hits the best of those collected.
   */
  totalIsLowerBound?: boolean;
  /**
   * OpenSearch stopped collecting at `maxDocsPerShard` documents per shard (`terminated_early`: a
   * heavy group, hundreds of thousands of matches over a long window): the facets, the rows, the
   * activity spans and the timeline are built from the `collected` documents read, not from all
   * `total`. Set with or without `totalIsLowerBound`.
   */
  breakdownIsPartial?: boolean;
  /** With `breakdownIsPartial`: how many documents the bounded search collected (its own count). */
  collected?: number;
  hits: EvidenceHit[];
  facets: Facet[];
  /** Set when OpenSearch answered this search with an error or timed out. */
  error?: string;
  /**
   * Shards this group's search could not read (OpenSearch answered the others): its documents in
   * those indices are missing, so "nothing found" is not "nothing there".
   */
  unread?: UnreadShards;
  /** Which round trip produced it (1 or 2). */
  hop: number;
}

export interface TimelineEvent {
  timestamp: string;
  source: SourceId;
  action: string;
  summary: string;
  outcome?: string;
  ref: DocRef;
  /** Identical consecutive events are merged; `count` > 1 and `lastTimestamp` then say how many and until when. */
  count?: number;
  lastTimestamp?: string;
  /** The evidence group had more hits than an investigation reads: `count` is a lower bound. */
  partial?: boolean;
  evidence: string;
}

export type GraphNodeType = EntityType | 'finding';

export interface GraphNode {
  id: string;
  type: GraphNodeType;
  value: string;
  label?: string;
}

export interface GraphEdge {
  from: string;
  to: string;
  relation: string;
  count: number;
}

export interface EntityGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface StorySentence {
  text: string;
  /** Ids of the evidence groups that prove the sentence. */
  evidence: string[];
}

export interface SourceCoverage {
  source: SourceId;
  indexPattern: string;
  /** Documents in the window over every cluster that answered. */
  docsInWindow: number;
  /** Counting stopped at a bound (`LIMITS.coverageCountLimit`): there are at least `docsInWindow`. */
  docsInWindowIsLowerBound?: boolean;
  /** No index matches the pattern at all (the source is not shipped to this SIEM). */
  absent?: boolean;
  error?: string;
  /**
   * Only when the pattern spans clusters (`log-aws-cloudtrail-*,other:log-aws-cloudtrail-*`, cross-cluster
   * search): one line per cluster, the local one first (`cluster` is `(local)`). A remote that is down
   * is a line with an error; the source's own line then counts what the others hold.
   */
  clusters?: ClusterCoverage[];
}

export interface ClusterCoverage {
  cluster: string;
  indexPattern: string;
  docsInWindow: number;
  docsInWindowIsLowerBound?: boolean;
  absent?: boolean;
  error?: string;
}

export interface InvestigationWindow {
  from: string;
  to: string;
}

/** Whether a question of the playbook was asked, and if nothing came back, why. */
export type RuleCheckState = 'found' | 'nothing_found' | 'not_run';
export interface RuleCheck {
  /** The rule id (= the evidence group id when it ran). */
  rule: string;
  source: SourceId;
  title: string;
  question: string;
  state: RuleCheckState;
  /** In the analyst's words why nothing was found or why it did not run, e.g. "this finding names no access key", "no index matches log-aws-cloudtrail-*", "CloudTrail has no documents in this time window", "no permission: your roles do not allow reading these indices". */
  reason?: string;
  /** Documents found (state found). */
  total?: number;
  /** `total` is a lower bound (see EvidenceGroup.totalIsLowerBound). */
  totalIsLowerBound?: boolean;
}

export interface Investigation {
  finding: FindingSummary;
  /** The playbook chosen for the finding's family. */
  playbook: { id: string; title: string };
  /** Every rule of the playbook, in order: asked or not, and why nothing came back. */
  checks: RuleCheck[];
  window: InvestigationWindow;
  entities: Entity[];
  evidence: EvidenceGroup[];
  timeline: TimelineEvent[];
  graph: EntityGraph;
  story: StorySentence[];
  coverage: SourceCoverage[];
  /** Types with more values than an investigation follows: what was left out (weakest evidence first to go). */
  omittedEntities: OmittedEntities[];
  /** Shards any search of the investigation could not read (each affected group says which are its own). */
  unread?: UnreadShards;
  /** When an incident was investigated: every member finding (the lead `finding` first). */
  members?: FindingSummary[];
  took: { ms: number; roundTrips: number };
}

/**
 * Values of one entity type the investigation did not follow because more than `limit` were found.
 * The finding's own values are never left out; the others are ranked by successful actions, then
 * by documents, so a flood of failed calls cannot push a real one out.
 */
export interface OmittedEntities {
  type: EntityType;
  limit: number;
  count: number;
  /** The strongest of the values left out. */
  examples: string[];
  /** More values exist than the evidence listed: `count` is a lower bound. */
  countIsLowerBound?: boolean;
}

export interface InvestigateRequest {
  finding: DocRef;
  window?: { before?: string; after?: string };
  /**
   * Investigating an incident: its other member findings, all part of the starting point (their
   * entities, their span of activity, their playbooks' questions). `finding` leads the story.
   */
  members?: DocRef[];
}

export interface DocumentResponse {
  ref: DocRef;
  source: SourceId | null;
  timestamp?: string;
  document: Record<string, unknown>;
}

/** Boom-compatible error body returned for every 4xx/5xx. */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
}
