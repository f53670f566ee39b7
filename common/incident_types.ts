/**
 * Wire types of the Incidents view (docs/incidents.md): findings of a time range grouped by the
 * entities they share. Shared by the browser and the server.
 */
import { DocRef, EntityType, FindingSummary, Severity, UnreadShards } from './types';

/** Entity types that tie findings into one incident (issue 14: access key, principal, instance, remote IP, bucket, cluster). */
export const GROUPING_ENTITY_TYPES: readonly EntityType[] = ['access_key', 'role', 'user', 'principal_arn', 'instance', 'ip', 'bucket', 'k8s_cluster', 'ecs_cluster'];

export interface IncidentEntity {
  type: EntityType;
  value: string;
  /** Member findings that name it. */
  findings: number;
}

/** Why two findings are in the same incident: both name `entity` within the window. */
export interface IncidentLink {
  from: string;
  to: string;
  entity: { type: EntityType; value: string };
}

/** A signal of an `AttackSequence:*` finding, shown as a member of its incident. */
export interface IncidentSignal {
  uid: string;
  /** FINDING, CLOUD_TRAIL, … as GuardDuty writes it. */
  signalType?: string;
  name?: string;
  description?: string;
  firstSeen?: string;
  lastSeen?: string;
  severity?: number;
  count?: number;
  /** The id of a finding of the range this signal is (a member of the same incident). */
  findingId?: string;
}

/** Cases that share observables with what an incident names. */
export interface SeenInCases {
  count: number;
  /** The count is a lower bound: an entity is shared with more cases than one lookup reads. */
  atLeast?: boolean;
  /** The most recently closed of them, if any. */
  lastClosed?: { id: string; title: string; closeReason?: string; closedAt?: string };
}

export interface Incident {
  /** Deterministic: the smallest finding id of its members. */
  id: string;
  /** Member findings, most severe first (at most INCIDENT_LIMITS.maxMembers are listed). */
  members: FindingSummary[];
  /** All member findings, listed or not. */
  memberCount: number;
  sharedEntities: IncidentEntity[];
  /** Every grouping entity of the members (bounded), for "seen in N cases". */
  entities: IncidentEntity[];
  severity: number;
  severityLabel: Severity;
  firstActivity: string;
  lastActivity: string;
  /** Playbook families of the members (IAM, EC2, …). */
  families: string[];
  accounts: string[];
  headline: string;
  /** Sentences: "grouped because … both name access key ASIA…". */
  explanation: string[];
  /**
   * The links that grouped the members, at most INCIDENT_LIMITS.linksPerIncident (the first one of
   * each entity first): an incident of thousands of findings has thousands of links.
   */
  links: IncidentLink[];
  /** All links of the incident, listed or not. */
  linkCount: number;
  /**
   * Signals of its AttackSequence members, at most INCIDENT_LIMITS.signalsPerIncident (those naming
   * a member finding first): members are up to 100 findings of up to 50 signals each.
   */
  signals: IncidentSignal[];
  /** All signals of the members, listed or not (absent: `signals.length`). */
  signalCount?: number;
  seenIn?: SeenInCases;
}

export interface IncidentsResponse {
  /** Incidents in the range (all pages). */
  total: number;
  /** Distinct findings in the range. */
  findings: number;
  page: number;
  perPage: number;
  /** The sliding window used, e.g. "24h". */
  window: string;
  incidents: Incident[];
  /**
   * Shards OpenSearch could not group (e.g. an index that maps `severity` as text): the findings of
   * these indices may be missing from the incidents. OpenSearch answers the other shards.
   */
  unread?: UnreadShards;
  /**
   * Server time, and its parts (docs/benchmarks.md): the aggregation search, the grouping in Node,
   * the page's documents search (the seen-in lookup runs beside it), describing the page's
   * incidents, and what was left to wait for the seen-in lookup.
   */
  took: { ms: number; phases?: { aggregationMs: number; groupingMs: number; membersMs: number; describeMs: number; seenInWaitMs?: number }; groupingReused?: boolean };
}

/** Investigating an incident: all its members as the starting point. */
export interface IncidentRefs {
  findings: DocRef[];
}

/** Bounds of the Incidents view. */
export const INCIDENT_LIMITS = {
  /** Findings one range may hold; more → 400 asking for a narrower range (each is an aggregation bucket). */
  maxFindings: 20000,
  maxPerPage: 50,
  /** Members a card lists (the count says how many more). */
  membersPerCard: 20,
  explanationSentences: 8,
  sharedEntitiesPerCard: 12,
  /** Links an incident of the page lists (Incident.links). */
  linksPerIncident: 30,
  /** Signals an incident of the page lists (Incident.signals). */
  signalsPerIncident: 50,
  /** Members an incident investigation or a case-from-incident call takes. */
  maxMembers: 100,
  defaultWindow: '24h',
  maxWindowMs: 7 * 24 * 3600 * 1000,
} as const;
