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

export interface CaseObservablesResponse {
  observables: CaseObservable[];
  similarCases: SimilarCase[];
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
  /** Observables one case keeps (a case has at most 200 attachments). */
  perCase: 1000,
  similarCases: 10,
  /** Observable keys one similar-cases or seen-in lookup sends. */
  lookupKeys: 500,
  /** Observable documents one lookup reads. */
  lookupHits: 2000,
} as const;
