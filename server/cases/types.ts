import { CaseActivity, CaseAttachment, CaseRedirect, CaseComment, CaseItemKind, CaseSeverity, CaseStatus, CloseReason } from '../../common/case_types';
import { CaseTask, CloseFieldDefinition, CloseFieldValues } from '../../common/case_template_types';
import { SavedObjectsClientContract } from '../types';

/**
 * A case as stored in its saved object: its own fields and counters only; comments, attachments
 * and activity are item saved objects (ItemAttributes). Optional wire fields are stored as `null`:
 * OSD's `update` is a partial `doc` update, so a field left out would keep its old value.
 */
export interface CaseAttributes {
  title: string;
  description: string;
  status: CaseStatus;
  closeReason: CloseReason | null;
  severity: CaseSeverity;
  tags: string[];
  assignees: string[];
  /** Per-tenant number (`SIR-<number>`); `null` on a case saved before numbers, until it is migrated. */
  number: number | null;
  /** Counters of the items, recounted after every append and whenever the case is opened (docs/cases.md). */
  attachmentCount: number;
  commentCount: number;
  activityCount: number;
  /** Sort keys for the list, kept in step with the fields by `withSortKeys`. */
  severityRank: number;
  statusRank: number;
  sortTitle: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  closedAt: string | null;
  closedBy: string | null;
  /** Templates, tasks and close fields (templates/): copied from the template when the case was made. */
  templateId: string | null;
  templateName: string | null;
  tasks: CaseTask[];
  closeFields: CloseFieldDefinition[];
  closeFieldValues: CloseFieldValues;
  /** Set by `recordCaseTimes` (case_times.ts) on every write; mapped, so the list can read them. */
  acknowledgedAt: string | null;
  timeToAcknowledgeMs: number | null;
  timeToCloseMs: number | null;
  /**
   * Set on a case merged into another (a tombstone, docs/cases.md "Merging cases"): `merged` is
   * mapped so the list can leave tombstones out, `mergedInto` so deleting the target finds them.
   * Never unset: a tombstone stays one.
   */
  merged?: true;
  mergedInto?: string;
  mergedAt?: string;
  mergedBy?: string;
}

/** The inline arrays of a case saved by the release before items (docs/cases.md "Migration"). */
export interface LegacyItems {
  attachments: StoredAttachment[];
  comments: CaseComment[];
  activity: CaseActivity[];
}

/** One item of a case, in its own saved object with a reference `{name: 'case', type: CASE_SAVED_OBJECT_TYPE, id}`. */
export interface ItemAttributes {
  kind: CaseItemKind;
  /** Time + id (or index for migrated entries): sorts items in write order, ties broken stably. */
  sortKey: string;
  at: string;
  by: string;
  /** The wire object: CaseComment, StoredAttachment or CaseActivity. */
  data: unknown;
}

/** `available` is computed when a case is read, never stored. */
export type StoredAttachment = Omit<CaseAttachment, 'available'>;

/** What the cases list reads of each case (saved objects `find` with `fields`). */
export const CASE_SUMMARY_FIELDS = [
  'title',
  'number',
  'status',
  'closeReason',
  'severity',
  'tags',
  'assignees',
  'attachmentCount',
  'commentCount',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'acknowledgedAt',
  'timeToAcknowledgeMs',
  'timeToCloseMs',
] as const;

export type CaseSummaryAttributes = Pick<CaseAttributes, (typeof CASE_SUMMARY_FIELDS)[number]>;

export interface StoredCase<A = CaseAttributes> {
  id: string;
  version: string;
  attributes: A;
  /** What reading it had to repair or leave out (see repair.ts). */
  problems?: string[];
  /** Present on a case still in the old shape (inline arrays), until it is migrated. */
  legacy?: LegacyItems;
  /** The merged case the id asked for named, when `load` followed it here. */
  redirectedFrom?: CaseRedirect;
}

/** Who makes a change and when, both decided by the server. */
export interface Actor {
  by: string;
  at: string;
}

/** The saved objects calls the cases service makes; OSD's `find` also takes `fields`. */
export type CasesSavedObjectsClient = Pick<SavedObjectsClientContract, 'create' | 'bulkCreate' | 'get' | 'update' | 'delete' | 'find'>;

export interface MgetDoc {
  _index: string;
  _id: string;
  found?: boolean;
  error?: { type?: string; reason?: string };
  _source?: Record<string, unknown>;
}

