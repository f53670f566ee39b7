import type { EntityType, FacetBucket, FindingSummary, SourceId, StorySentence } from '../../common/types';
import type { SourceDefinitions } from '../../common/sources';
import type { EntitySet } from '../correlation/entity_set';
import type { ParsedGroup } from '../correlation/response_parser';

/** Every pivot rule, by id: a typo in a rule or a reference to one is a compile error. */
export type RuleId =
  | 'guardduty.finding'
  | 'guardduty.related'
  | 'cloudtrail.instance_credentials'
  | 'cloudtrail.access_key'
  | 'cloudtrail.object_access'
  | 'cloudtrail.bucket_permissions'
  | 'cloudtrail.attacker_ip'
  | 'cloudtrail.created_credentials'
  | 'cloudtrail.created_activity'
  | 'cloudtrail.key_origin'
  | 'cloudtrail.console_logins'
  | 'cloudtrail.instance_credentials_elsewhere'
  | 'linux_secure.ssh_from_attacker'
  | 'linux_secure.ssh_success'
  | 'securityhub.inspector'
  | 'securityhub.macie'
  | 'vpcflowlogs.remote_traffic'
  | 'r53resolver.domain_queries'
  | 'r53resolver.instance_queries'
  | 's3accesslog.principal_requests'
  | 's3accesslog.bucket_reads'
  | 'cloudtrail.s3_data_events'
  | 'cloudtrail.account_public_access'
  | 'windows_event.logons_from_attacker'
  | 'windows_event.logon_success'
  | 'linux_os.account_changes'
  | 'linux_secure.privilege_use'
  | 'securityhub.controls'
  | 'securityhub.package_vulnerabilities'
  | 'waf.remote_requests'
  | 'elb.remote_requests'
  | 'networkfirewall.remote_traffic'
  | 'config.resource_changes'
  | 'securityhub.image_vulnerabilities';

/** Where an entity value was seen: `finding` or the ids of the rules whose evidence named it. */
export type EntityProvenance = readonly string[];

export interface PivotMatch {
  entity: EntityType;
  /** For IPs: only the remote side (attacker, caller), only the resource's own side, or any. */
  ipRole?: 'remote' | 'local';
  /**
   * Which of the known values this clause uses, by where they were seen (e.g. only the credentials
   * a chain rule found, or every key but those): see `server/playbooks/provenance.ts`.
   */
  keep?: (seenIn: EntityProvenance) => boolean;
  /**
   * Names are not unique across accounts (a user `backup` may exist in each): the clause also
   * requires this field to hold one of the investigation's accounts.
   */
  accountField?: string;
  /** What the clause needs, in "why not asked" (default: the entity's noun, e.g. "access key"). */
  noun?: string;
  /**
   * The document fields compared with the entity values (exact, literal `terms`); a `prefix` turns
   * a value into the form the field stores (a bucket name into an S3 ARN).
   */
  fields: Array<string | { field: string; prefix: string }>;
  /** Fields whose value ends with `:<value>` (e.g. `AROA…:i-…` principal ids); literal `wildcard`. */
  suffixFields?: string[];
  /**
   * A value read into its own query of literal `term`s, when one value names several fields (an
   * image URI: its registry's account, repository and tag); values it cannot read are left out.
   */
  valueQuery?: (value: string) => Record<string, unknown> | undefined;
}

export interface PivotYield {
  entity: EntityType;
  field: string;
  ipRole?: 'remote';
  /** Only from documents of a successful action (a failed CreateUser created no one). */
  successOnly?: boolean;
  /**
   * Only from documents inside the investigation window, when the rule looks further back
   * (`lookbackDays`): who created a key last year is told, not followed.
   */
  inWindow?: boolean;
}

/** A terms breakdown of a rule's evidence; `key` is how the rule's own narration refers to it. */
export interface PivotFacet {
  key: string;
  field: string;
  label: string;
  /** Restricts the breakdown to some hits (e.g. the failed logins only). */
  where?: Record<string, unknown>;
  /** A numeric field summed per value (e.g. the bytes of the accepted and the rejected flows). */
  sum?: string;
  /** A field whose distinct values are counted per value (e.g. the objects read per bucket). */
  distinct?: string;
}

/**
 * Where a rule's sentence stands in the story: the attack in the order an analyst tells it —
 * the finding, related detections, how the attacker got in, the weakness, what the credentials
 * did, permission changes, data touched, exposure, and then what the credentials created and what
 * those new principals and credentials did (persistence: the credential chain).
 */
export const STORY_CHAPTERS = ['finding', 'related', 'access', 'weakness', 'activity', 'permissions', 'data', 'exposure', 'persistence'] as const;
export type StoryChapter = (typeof STORY_CHAPTERS)[number];

export interface NarrationContext {
  finding: FindingSummary;
  entities: EntitySet;
  /** This rule's evidence. */
  group: ParsedGroup;
  /** Another rule's evidence, if it ran. */
  groupOf(id: RuleId): ParsedGroup | undefined;
  /** The buckets of one of this rule's facets, by key. */
  facet(key: string): FacetBucket[];
  sources: SourceDefinitions;
}

export type Sentence = Omit<StorySentence, 'evidence'> & { evidence: RuleId[] };

/**
 * One question an analyst asks, answered by one search in one source. A rule runs when the
 * entities it pivots on are known; entities found in its evidence (`yields`) can make other rules
 * runnable in the second round trip. Its sentence of the attack story lives with it (`narrate`).
 */
export interface PivotRule {
  id: RuleId;
  source: SourceId;
  title: string;
  question: string;
  /** Every clause must match (AND); a clause matches if any of its fields holds any value (OR). */
  match: PivotMatch[];
  /** At least one of these clauses must match (OR); clauses without known values are left out. */
  matchAny?: PivotMatch[];
  /** Documents matching any of these clauses are left out (e.g. calls from the instance's own addresses). */
  notMatch?: PivotMatch[];
  /** Constant filters (never built from log data). */
  filter?: Array<Record<string, unknown>>;
  facets?: PivotFacet[];
  size?: number;
  sort?: 'asc' | 'desc';
  /** Keep one document per value of this field (GuardDuty/Security Hub write one per update). */
  collapse?: string;
  /** Look further back than the investigation window (findings describe state, not events). */
  lookbackDays?: number;
  /** Entities this evidence reveals, for the second round trip. `finding` = read hits as GuardDuty findings. */
  yields?: Array<PivotYield | 'finding'>;
  /**
   * A repeated activity told from all its documents, not only the hits read: per value of `by` (e.g.
   * the attacking address), the first and last time of the documents matching `where`, how many of
   * them match `countWhere` (all when absent) and the top values of `detail`. The timeline shows a
   * brute force of thousands of lines as one entry from its first to its last attempt.
   */
  spans?: { by: string; where: Record<string, unknown>; countWhere?: Record<string, unknown>; detail?: string };
  /**
   * Following a credential chain one hop further: when this rule's inputs grew in the second round
   * trip (credentials created by credentials found only then), it runs once more in a bounded third
   * round trip, with at most `maxValues` values per clause and `size` hits.
   */
  thirdHop?: { maxValues: number; size: number };
  /** Leave the finding under investigation out of the hits. */
  excludeFinding?: boolean;
  /** Only runs in the first round trip: the finding's own documents. */
  findingItself?: boolean;
  /** The rule's sentences of the attack story, when its evidence says something. */
  narrate?: { chapter: StoryChapter; tell(ctx: NarrationContext): Sentence[] };
}

/** The questions asked for one family of GuardDuty findings, matched on the finding type. */
export interface Playbook {
  id: string;
  title: string;
  /** GuardDuty type patterns (`*` matches anything), e.g. `*:IAMUser/*`. */
  types: string[];
  rules: PivotRule[];
}
