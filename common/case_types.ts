import { i18n } from '@osd/i18n';
/**
 * Wire types of the cases API (ARCHITECTURE.md "Cases"), shared by the browser and the server.
 * Decisions behind the rules and numbers here: docs/cases.md.
 */
import { DEFAULT_SOURCES, SourceDefinitions } from './sources';
import { DocRef, Severity, SourceId } from './types';
import type { CaseTask, CaseTimes, CloseFieldDefinition, CloseFieldValues } from './case_template_types';
import type { ObservablesNotRecorded } from './observable_types';

export type CaseStatus = 'open' | 'in-progress' | 'closed';
export const CASE_STATUSES: readonly CaseStatus[] = ['open', 'in-progress', 'closed'];

/**
 * Moves a case may make. Closing needs a close reason; reopening (closed → open) clears it.
 * A closed case goes back to `open` first: "closed → in progress" would skip the triage step.
 */
export const CASE_STATUS_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  open: ['in-progress', 'closed'],
  'in-progress': ['open', 'closed'],
  closed: ['open'],
};

/** Sentinel's classification, in the words of a SOC shift report. */
export type CloseReason = 'true_positive' | 'benign_positive' | 'false_positive' | 'duplicate' | 'undetermined';
export const CLOSE_REASONS: readonly CloseReason[] = ['true_positive', 'benign_positive', 'false_positive', 'duplicate', 'undetermined'];
export const CLOSE_REASON_LABELS: Readonly<Record<CloseReason, string>> = {
  get true_positive() {
    return i18n.translate('siemInvestigations.case.closeReason.true_positive', { defaultMessage: 'True positive' });
  },
  get benign_positive() {
    return i18n.translate('siemInvestigations.case.closeReason.benign_positive', { defaultMessage: 'Benign positive (expected activity)' });
  },
  get false_positive() {
    return i18n.translate('siemInvestigations.case.closeReason.false_positive', { defaultMessage: 'False positive' });
  },
  get duplicate() {
    return i18n.translate('siemInvestigations.case.closeReason.duplicate', { defaultMessage: 'Duplicate of another case' });
  },
  get undetermined() {
    return i18n.translate('siemInvestigations.case.closeReason.undetermined', { defaultMessage: 'Undetermined' });
  },
};

export type CaseSeverity = Severity;
export const CASE_SEVERITIES: readonly CaseSeverity[] = ['low', 'medium', 'high', 'critical'];
export const DEFAULT_CASE_SEVERITY: CaseSeverity = 'low';

/** Who made a change when OpenSearch has no security plugin (nobody is authenticated). */
export const CASE_ANONYMOUS_USER = 'anonymous';

/**
 * Bounds the server enforces (400 with the number in the message). A case's comments, attachments
 * and activity entries are saved objects of their own (docs/cases.md "Storage"), so no document
 * grows with the case: the case itself stays under ~45 KB, an item under ~41 KB.
 */
export const CASE_LIMITS = {
  titleLength: 160,
  descriptionLength: 30000,
  commentLength: 10000,
  /** Items per case (each its own saved object). Checked against the count before a write (see docs/cases.md). */
  comments: 5000,
  attachments: 1000,
  tags: 50,
  tagLength: 100,
  assignees: 20,
  assigneeLength: 128,
  /** Entries in the activity log; a case that reaches it accepts no further changes. */
  activity: 10000,
  /** Values an activity entry names per list change (tags, assignees), and their characters; `more` counts the rest. */
  activityListValues: 5,
  activityValueLength: 64,
  /** Snapshot of an attached document: fields, values per field, characters per value, JSON bytes. */
  snapshotFields: 40,
  snapshotValuesPerField: 10,
  snapshotValueLength: 1000,
  snapshotBytes: 8192,
  /** Cases list and item pages: page size; `page × perPage` stays inside OpenSearch's result window. */
  maxPerPage: 100,
  listScan: 10000,
  /** Values per list filter (`status`, `severity`, `tag`, `assignee`). */
  filterValues: 50,
  searchLength: 256,
  /** Items of each kind a `Case` answer carries (the newest); the rest is paged (`GET /cases/{id}/{kind}`). */
  firstPageItems: 20,
} as const;

/** What a case holds besides its own fields; each is a saved object of type CASE_ITEM_SAVED_OBJECT_TYPE. */
export type CaseItemKind = 'comment' | 'attachment' | 'activity';
export const CASE_ITEM_KINDS: readonly CaseItemKind[] = ['comment', 'attachment', 'activity'];

/** Default `siem_investigations.cases.numberPrefix`: case 12 is `SIR-12`. */
export const DEFAULT_CASE_NUMBER_PREFIX = 'SIR';

export type CaseAttachmentType = 'finding' | 'event';
export const CASE_ATTACHMENT_TYPES: readonly CaseAttachmentType[] = ['finding', 'event'];

/** The key fields of an attached document, copied when it was attached (it outlives log retention). */
export interface CaseAttachmentSnapshot {
  source: SourceId | null;
  timestamp?: string;
  /** One line for lists: the finding title, or what the event was. */
  title: string;
  /** Flattened key fields (dotted names), like an evidence hit's; show them with `orderedSnapshotFields`. */
  fields: Record<string, string | string[]>;
  /** Set when fields or values were cut to the snapshot limits. */
  truncated?: boolean;
}

/** Kept in every snapshot on top of the source's columns: what identifies a finding or an event. */
export const SNAPSHOT_IDENTITY_FIELDS: readonly string[] = [
  '@timestamp',
  '@log_type',
  'id',
  '@id',
  'type',
  'title',
  'Title',
  'severity',
  'Severity.Label',
  'rule.name',
  'event.module',
  'event.action',
  'event.outcome',
  'cloud.account.id',
  'cloud.region',
];

/** The columns of a document of no known source. */
export const SNAPSHOT_GENERIC_FIELDS: readonly string[] = ['message', 'source.ip', 'destination.ip', 'user.name', 'host.name', 'host.hostname', 'cloud.instance.id'];

/** The fields a snapshot keeps, in display order: the source's columns, then identity fields. */
export function snapshotFieldOrder(source: SourceId | null, sources: SourceDefinitions = DEFAULT_SOURCES): string[] {
  return [...new Set([...(source ? sources[source].columns : SNAPSHOT_GENERIC_FIELDS), ...SNAPSHOT_IDENTITY_FIELDS])];
}

/**
 * A snapshot's fields in display order. Needed because a stored object does not keep its key
 * order (OpenSearch's update API re-serialises `_source`).
 */
export function orderedSnapshotFields(snapshot: CaseAttachmentSnapshot): Array<[string, string | string[]]> {
  const order = snapshotFieldOrder(snapshot.source);
  const rank = (key: string) => {
    const i = order.findIndex((w) => key === w || key.startsWith(`${w}.`));
    return i < 0 ? order.length : i;
  };
  return Object.entries(snapshot.fields).sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

export interface CaseAttachment {
  id: string;
  type: CaseAttachmentType;
  /** The concrete index the document was read from, and its id. */
  ref: DocRef;
  snapshot: CaseAttachmentSnapshot;
  addedAt: string;
  addedBy: string;
  /**
   * Whether the source document still exists, checked when the case is read: `false` once it has
   * aged out or was deleted, absent when it could not be checked.
   */
  available?: boolean;
}

export interface CaseComment {
  id: string;
  /** Markdown, rendered safely by the UI. */
  text: string;
  createdAt: string;
  createdBy: string;
}

/** One entry of the activity log; `at` and `by` are always set by the server. */
export type CaseActivity = { at: string; by: string } & CaseActivityChange;

export type CaseActivityChange =
  | { action: 'created' }
  | { action: 'title_changed'; from: string; to: string }
  | { action: 'description_changed' }
  | { action: 'status_changed'; from: CaseStatus; to: CaseStatus; closeReason?: CloseReason }
  | { action: 'close_reason_changed'; from: CloseReason; to: CloseReason }
  | { action: 'severity_changed'; from: CaseSeverity; to: CaseSeverity }
  | { action: 'tags_changed'; added: string[]; removed: string[]; more?: number }
  | { action: 'assignees_changed'; added: string[]; removed: string[]; more?: number }
  | { action: 'attachment_added'; attachmentId: string; attachmentType: CaseAttachmentType; ref: DocRef; title: string }
  | { action: 'comment_added'; commentId: string }
  // Templates and tasks (case_template_types.ts): titles clipped like other activity values.
  | { action: 'task_added'; taskId: string; title: string }
  | { action: 'task_changed'; taskId: string; title: string; done?: boolean; assignee?: string | null }
  | { action: 'close_fields_changed'; fields: string[] }
  /** The case was moved from inline arrays to item saved objects (docs/cases.md "Migration"). */
  | { action: 'migrated'; comments: number; attachments: number; activity: number }
  /** Another case was merged into this one (docs/cases.md "Merging cases"): what it brought. */
  | { action: 'case_merged'; caseId: string; reference?: string; title: string; attachments: number; duplicates: number; comments: number; activity: number }
  /** This case was merged into another one and is now a tombstone pointing there. */
  | { action: 'merged_into'; caseId: string; reference?: string; title: string };

export type CaseActivityAction = CaseActivity['action'];

export interface Case {
  id: string;
  /** Short number, unique per tenant (absent on a case saved before numbers existed, until it is next opened). */
  number?: number;
  /** The number with the configured prefix, e.g. `SIR-12`: shown everywhere, usable in search and `#/cases/SIR-12`. */
  reference?: string;
  /** Opaque; send it back in PATCH so a change made meanwhile by someone else is not overwritten. */
  version: string;
  title: string;
  description: string;
  status: CaseStatus;
  closeReason?: CloseReason;
  severity: CaseSeverity;
  tags: string[];
  assignees: string[];
  /** The newest CASE_LIMITS.firstPageItems of each kind, oldest first; page the rest with `GET /cases/{id}/{kind}`. */
  attachments: CaseAttachment[];
  comments: CaseComment[];
  activity: CaseActivity[];
  /** How many of each the case holds (the totals of the item pages). */
  attachmentCount: number;
  commentCount: number;
  activityCount: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  closedAt?: string;
  closedBy?: string;
  /**
   * The stored case was damaged (e.g. by a Saved Objects import): what was repaired or left out
   * when it was read. The next change saves the repaired case.
   */
  repaired?: string[];
  /** The template the case was made from (its rules were copied then: later template edits do not change the case). */
  template?: { id: string; name: string };
  tasks: CaseTask[];
  /** Fields that must have a value before the case can be closed, and their values so far. */
  closeFields: CloseFieldDefinition[];
  closeFieldValues: CloseFieldValues;
  /** Time to acknowledge / to close (case_template_types.ts `CaseTimes`). */
  times: CaseTimes;
  /**
   * Set when the id asked for names a case merged into this one: the answer is this (merged) case,
   * and this says which case the id named (docs/cases.md "Merging cases").
   */
  redirectedFrom?: CaseRedirect;
  /** Only in the answer of an attach: entities of the document not recorded as observables (a bound was reached). */
  observablesNotRecorded?: ObservablesNotRecorded;
}

/** The merged (tombstoned) case an id named, and who merged it when. */
export interface CaseRedirect {
  id: string;
  reference?: string;
  title: string;
  mergedAt: string;
  mergedBy: string;
}

/** `POST /cases/{id}/merge`: merges the case `source` (an id or a reference such as `SIR-12`) into `{id}`. */
export interface MergeCaseRequest {
  source: string;
}

export interface MergeCaseResponse {
  /** The merged case (the target). */
  case: Case;
  /** `true` when the source had already been merged into this case (a retried merge): nothing new, or the rest of an interrupted merge, was moved. */
  alreadyMerged: boolean;
  /** Items moved by this call: attachments (new to the target), attachments of documents the target already had, comments, activity entries, observables. */
  moved: { attachments: number; duplicates: number; comments: number; activity: number; observables: number };
}

export interface CaseSummary {
  id: string;
  number?: number;
  reference?: string;
  version: string;
  title: string;
  status: CaseStatus;
  closeReason?: CloseReason;
  severity: CaseSeverity;
  tags: string[];
  assignees: string[];
  attachmentCount: number;
  commentCount: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  times: CaseTimes;
  /** Listed because the search named a case merged into this one (its number or id): that case. */
  redirectedFrom?: CaseRedirect;
}

export interface CasesFindResponse {
  /** Exact (OSD's find counts every match); pages reach only the first 10 000 (`page × perPage`). */
  total: number;
  cases: CaseSummary[];
  /**
   * The search named a merged case (its `SIR-n` or id), which lists never show: the list is the
   * search for the case it was merged into (`to`), within the same filters — so `cases` may be
   * empty when the filters leave that case out (docs/cases.md "Merging cases").
   */
  redirect?: { from: CaseRedirect; to: { id: string; reference?: string; title: string } };
}

/** `GET /cases/{id}/comments|attachments|activity?page&perPage&sortOrder`: one page of a case's items. */
export interface CaseItemsPage<T> {
  total: number;
  page: number;
  perPage: number;
  items: T[];
}

export interface CaseItemsQuery {
  page: number;
  perPage: number;
  /** `desc` (default) is newest first, as the case view pages; items of one page come in that order. */
  sortOrder: 'asc' | 'desc';
}

export type CaseSortField = 'updatedAt' | 'createdAt' | 'title' | 'severity' | 'status' | 'number';
export const CASE_SORT_FIELDS: readonly CaseSortField[] = ['updatedAt', 'createdAt', 'title', 'severity', 'status', 'number'];

/** `GET /cases` query, after validation. Filters match a case having any of the listed values. */
export interface CasesFindQuery {
  search?: string;
  status: CaseStatus[];
  severity: CaseSeverity[];
  tag: string[];
  assignee: string[];
  page: number;
  perPage: number;
  sortField: CaseSortField;
  sortOrder: 'asc' | 'desc';
}

export interface CreateCaseRequest {
  /** Required unless the case's template has a default title. */
  title?: string;
  description?: string;
  severity?: CaseSeverity;
  tags?: string[];
  assignees?: string[];
  /** Start from this template; `null`: no template, even if `findingType` matches one. */
  templateId?: string | null;
  /** The GuardDuty type of the finding the case is made for: picks the matching template when `templateId` is absent. */
  findingType?: string;
}

export interface UpdateCaseRequest {
  version: string;
  title?: string;
  description?: string;
  status?: CaseStatus;
  closeReason?: CloseReason;
  severity?: CaseSeverity;
  tags?: string[];
  assignees?: string[];
  /** Values of the case's required close fields (merged into those already given). */
  closeFieldValues?: CloseFieldValues;
}

/** A case created from an incident with all its member findings, in one idempotent call (docs/incidents.md). */
export interface CaseFromIncidentRequest extends CreateCaseRequest {
  findings: DocRef[];
  /** Chosen by the caller once per intent: a retry with the same id creates and attaches nothing twice. */
  requestId: string;
}

export interface CaseFromIncidentResponse {
  case: Case;
  /** Entities of the findings not recorded as observables (a bound was reached): docs/incidents.md. */
  observablesNotRecorded?: ObservablesNotRecorded;
  /** False when the request had been made before (a retry): the case existed already. */
  created: boolean;
  attached: DocRef[];
  /** Documents that were in the case already: attaching them again changed nothing. */
  alreadyAttached: DocRef[];
}

export interface AddAttachmentRequest {
  type: CaseAttachmentType;
  ref: DocRef;
}

export interface AddCommentRequest {
  text: string;
}

export type CaseExportFormat = 'markdown' | 'json';
export const CASE_EXPORT_FORMATS: readonly CaseExportFormat[] = ['markdown', 'json'];

/** `GET /cases/{id}/export?format=json` answers the `Case` itself, `format=markdown` a report. */
export type CaseExportJson = Case;
