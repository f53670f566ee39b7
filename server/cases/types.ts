import { CaseActivity, CaseAttachment, CaseComment, CaseSeverity, CaseStatus, CloseReason } from '../../common/case_types';
import { CaseTask, CloseFieldDefinition, CloseFieldValues } from '../../common/case_template_types';
import { SavedObjectsClientContract, SavedObjectsFindOptions, SavedObjectsFindResponse } from '../types';

/**
 * A case as stored in its saved object. Optional wire fields are stored as `null`: OSD's `update`
 * is a partial `doc` update, so a field left out would keep its old value instead of being cleared.
 */
export interface CaseAttributes {
  title: string;
  description: string;
  status: CaseStatus;
  closeReason: CloseReason | null;
  severity: CaseSeverity;
  tags: string[];
  assignees: string[];
  attachments: StoredAttachment[];
  comments: CaseComment[];
  activity: CaseActivity[];
  /** Copies of the array lengths, so the list can read them without loading the arrays. */
  attachmentCount: number;
  commentCount: number;
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
}

/** `available` is computed when a case is read, never stored. */
export type StoredAttachment = Omit<CaseAttachment, 'available'>;

/** What the cases list reads of each case (saved objects `find` with `fields`). */
export const CASE_SUMMARY_FIELDS = [
  'title',
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
}

/** Who makes a change and when, both decided by the server. */
export interface Actor {
  by: string;
  at: string;
}

/** The saved objects calls the cases service makes; OSD's `find` also takes `fields`. */
export type CasesSavedObjectsClient = Pick<SavedObjectsClientContract, 'create' | 'get' | 'update' | 'delete'> & {
  find<T>(options: SavedObjectsFindOptions & { fields?: string[] }): Promise<SavedObjectsFindResponse<T>>;
};

export interface MgetDoc {
  _index: string;
  _id: string;
  found?: boolean;
  error?: { type?: string; reason?: string };
  _source?: Record<string, unknown>;
}

