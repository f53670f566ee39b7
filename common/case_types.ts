/**
 * Wire types of the cases API (ARCHITECTURE.md "Cases"), shared by the browser and the server.
 * Decisions behind the rules and numbers here: docs/cases.md.
 */
import { DEFAULT_SOURCES, SourceDefinitions } from './sources';
import { DocRef, Severity, SourceId } from './types';

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
  true_positive: 'True positive',
  benign_positive: 'Benign positive (expected activity)',
  false_positive: 'False positive',
  duplicate: 'Duplicate of another case',
  undetermined: 'Undetermined',
};

export type CaseSeverity = Severity;
export const CASE_SEVERITIES: readonly CaseSeverity[] = ['low', 'medium', 'high', 'critical'];
export const DEFAULT_CASE_SEVERITY: CaseSeverity = 'low';

/** Who made a change when OpenSearch has no security plugin (nobody is authenticated). */
export const CASE_ANONYMOUS_USER = 'anonymous';

/**
 * Bounds the server enforces (400 with the number in the message). A case is one saved object, so
 * together they also bound its size: about 4 MB at worst, a few KB typically.
 */
export const CASE_LIMITS = {
  titleLength: 160,
  descriptionLength: 30000,
  commentLength: 10000,
  comments: 200,
  attachments: 200,
  tags: 50,
  tagLength: 100,
  assignees: 20,
  assigneeLength: 128,
  /** Entries in the activity log; a case that reaches it accepts no further changes. */
  activity: 2000,
  /** Values an activity entry names per list change (tags, assignees), and their characters; `more` counts the rest. */
  activityListValues: 5,
  activityValueLength: 64,
  /** Snapshot of an attached document: fields, values per field, characters per value, JSON bytes. */
  snapshotFields: 40,
  snapshotValuesPerField: 10,
  snapshotValueLength: 1000,
  snapshotBytes: 8192,
  /** Cases list: page size, and how many cases may match `search` before filtering in memory. */
  maxPerPage: 100,
  listScan: 10000,
  /** Values per list filter (`status`, `severity`, `tag`, `assignee`). */
  filterValues: 50,
  searchLength: 256,
} as const;

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
  | { action: 'comment_added'; commentId: string };

export type CaseActivityAction = CaseActivity['action'];

export interface Case {
  id: string;
  /** Opaque; send it back in PATCH so a change made meanwhile by someone else is not overwritten. */
  version: string;
  title: string;
  description: string;
  status: CaseStatus;
  closeReason?: CloseReason;
  severity: CaseSeverity;
  tags: string[];
  assignees: string[];
  attachments: CaseAttachment[];
  comments: CaseComment[];
  activity: CaseActivity[];
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
}

export interface CaseSummary {
  id: string;
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
}

export interface CasesFindResponse {
  total: number;
  cases: CaseSummary[];
}

export type CaseSortField = 'updatedAt' | 'createdAt' | 'title' | 'severity' | 'status';
export const CASE_SORT_FIELDS: readonly CaseSortField[] = ['updatedAt', 'createdAt', 'title', 'severity', 'status'];

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
  title: string;
  description?: string;
  severity?: CaseSeverity;
  tags?: string[];
  assignees?: string[];
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
}

/** A case created from an incident with all its member findings, in one idempotent call (docs/incidents.md). */
export interface CaseFromIncidentRequest extends CreateCaseRequest {
  findings: DocRef[];
  /** Chosen by the caller once per intent: a retry with the same id creates and attaches nothing twice. */
  requestId: string;
}

export interface CaseFromIncidentResponse {
  case: Case;
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
