/** Case observables (docs/incidents.md): the entities of what was attached to a case, typed and flagged. */
import { EntityType } from './types';
import type { CaseRedirect } from './case_types';

export interface CaseObservable {
  id: string;
  caseId: string;
  type: EntityType;
  value: string;
  firstSeen: string;
  lastSeen: string;
  /** An indicator of compromise (an attacker's address, a malicious domain or file). */
  ioc: boolean;
  /** The organisation's own NAT/VPN/CI address or role: never ties this case to others. */
  excluded: boolean;
  /**
   * Only in the answer of a change addressed to a merged case's id: the change was made on the case
   * it was merged into (`caseId`), and this names the merged case (docs/cases.md "Merging cases").
   */
  redirectedFrom?: CaseRedirect;
}

export interface SimilarCase {
  id: string;
  title: string;
  status: string;
  closeReason?: string;
  closedAt?: string;
  updatedAt?: string;
  /** Observables shared with this case (non-excluded), strongest first. */
  shared: Array<{ type: EntityType; value: string }>;
}

/**
 * An observable of the case whose matches a lookup did not read in full: at least `atLeast` other
 * cases share it, and only its `atLeast` most recently seen were considered (docs/incidents.md).
 */
export interface BoundedObservable {
  type: EntityType;
  value: string;
  atLeast: number;
}

export interface CaseObservablesResponse {
  /** The case's observables, IOC-flagged first, then most recently seen: at most `OBSERVABLE_LIMITS.listed`. */
  observables: CaseObservable[];
  /** How many observables the case has (listed or not). */
  total: number;
  similarCases: SimilarCase[];
  /**
   * Present when similar cases were computed from part of the matches: observables shared with
   * more cases than one lookup reads (most recently seen first), and how many of the case's own
   * observables were not looked up at all (past `OBSERVABLE_LIMITS.lookupKeys`).
   */
  similarBounded?: { observables: BoundedObservable[]; notLookedUp: number };
}

/**
 * Observables an attach did not record: the per-attach or per-case bound was reached. The
 * attachment itself is kept, and so is every observable recorded before.
 */
export interface ObservablesNotRecorded {
  count: number;
  limit: number;
  reason: 'per_attach' | 'per_case';
}

export interface UpdateObservableRequest {
  ioc?: boolean;
  excluded?: boolean;
}

/** Entity types whose observables start flagged as IOCs (config `observables.iocTypes`). */
export const DEFAULT_IOC_TYPES: readonly EntityType[] = ['ip', 'domain', 'file_hash'];

/** Entity types that become observables (account and region say nothing about an attacker). */
export const OBSERVABLE_ENTITY_TYPES: readonly EntityType[] = [
  'access_key', 'role', 'user', 'principal_arn', 'instance', 'ip', 'bucket', 'domain', 'file_hash', 'k8s_cluster', 'ecs_cluster', 'lambda_function', 'rds_instance', 'container_image', 'process',
];

export const OBSERVABLE_LIMITS = {
  /**
   * Observables one case keeps: OpenSearch's default `index.max_result_window`, what a merge moves
   * at most. An attach past it records none beyond and says so; the panel lists `listed` of them.
   */
  perCase: 10_000,
  /** New observables one attach (or one case from an incident) records; the rest are reported. */
  perAttach: 1000,
  /** Observables the case panel lists (IOC-flagged first, then most recently seen), with the total. */
  listed: 1000,
  similarCases: 10,
  /** Observable keys one similar-cases or seen-in lookup sends. */
  lookupKeys: 500,
  /** Observable documents one lookup search reads (most recently seen first). */
  lookupHits: 2000,
  /** Matches of one key a lookup keeps once a search was cut: one crowded value never starves the others. */
  lookupPerKey: 100,
  /** Searches one lookup makes at most (each leaves out the keys that reached `lookupPerKey`). */
  lookupRounds: 3,
} as const;
