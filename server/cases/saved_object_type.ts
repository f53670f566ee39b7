import { APP_ID, CAPABILITY_ID, CASE_ITEM_SAVED_OBJECT_TYPE, CASE_SAVED_OBJECT_TYPE, CASE_SEQUENCE_SAVED_OBJECT_TYPE } from '../../common/constants';
import { SavedObject, SavedObjectsType, SavedObjectUnsanitizedDoc } from '../types';
import { withSortKeys } from './sort_keys';
import { CaseAttributes } from './types';

const caseUrl = (id: string) => ({ path: `/app/${APP_ID}#/cases/${encodeURIComponent(id)}`, uiCapabilitiesPath: `${CAPABILITY_ID}.show` });

/**
 * OSD migration of a case document to this release (upgrade and Saved Objects import run it). A
 * migration transforms one document and cannot create others, so the inline arrays stay until the
 * case is next read (client/view.ts `load` moves them to items); what one document can get now, it
 * gets: the list's sort keys and counters, so an old case sorts and counts right before it is opened.
 */
export function migrateCaseDocument(doc: SavedObjectUnsanitizedDoc): SavedObjectUnsanitizedDoc {
  const a = doc.attributes ?? {};
  const len = (v: unknown) => (Array.isArray(v) ? v.length : 0);
  const title = typeof a.title === 'string' ? a.title : '';
  const keyed = withSortKeys({ ...(a as unknown as CaseAttributes), title });
  return {
    ...doc,
    attributes: {
      ...a,
      severityRank: keyed.severityRank,
      statusRank: keyed.statusRank,
      sortTitle: keyed.sortTitle,
      ...(Array.isArray(a.activity) ? { activityCount: len(a.activity) } : {}),
      ...(Array.isArray(a.comments) ? { commentCount: len(a.comments) } : {}),
      ...(Array.isArray(a.attachments) ? { attachmentCount: len(a.attachments) } : {}),
      number: typeof a.number === 'number' ? a.number : null,
    },
  };
}

/**
 * A case is one saved object holding its own fields and counters (docs/cases.md "Storage"):
 * stored in the tenant's `.kibana` index by OSD, listed in Saved Objects management (import/export,
 * title, in-app link). Mapped (`dynamic: false`) are the fields the list searches, filters and
 * sorts on in OpenSearch.
 */
export const caseSavedObjectType: SavedObjectsType = {
  name: CASE_SAVED_OBJECT_TYPE,
  hidden: false,
  namespaceType: 'single',
  mappings: {
    dynamic: false,
    properties: {
      title: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } },
      sortTitle: { type: 'keyword', ignore_above: 256 },
      description: { type: 'text' },
      number: { type: 'long' },
      status: { type: 'keyword' },
      statusRank: { type: 'integer' },
      closeReason: { type: 'keyword' },
      severity: { type: 'keyword' },
      severityRank: { type: 'integer' },
      tags: { type: 'keyword' },
      assignees: { type: 'keyword' },
      attachmentCount: { type: 'integer' },
      commentCount: { type: 'integer' },
      activityCount: { type: 'integer' },
      createdAt: { type: 'date' },
      createdBy: { type: 'keyword' },
      updatedAt: { type: 'date' },
      updatedBy: { type: 'keyword' },
      closedAt: { type: 'date' },
      templateId: { type: 'keyword' },
      acknowledgedAt: { type: 'date' },
      timeToAcknowledgeMs: { type: 'long' },
      timeToCloseMs: { type: 'long' },
      merged: { type: 'boolean' },
      mergedInto: { type: 'keyword' },
    },
  },
  migrations: { '3.8.0': migrateCaseDocument },
  management: {
    importableAndExportable: true,
    defaultSearchField: 'title',
    icon: 'securityApp',
    getTitle: (savedObject) => String(savedObject.attributes.title ?? savedObject.id),
    getInAppUrl: (savedObject) => caseUrl(savedObject.id),
  },
};

const ITEM_TITLE_LENGTH = 80;

/** "Comment: …", "Attachment: <snapshot title>", "Activity: <action>", as Saved Objects management lists an item. */
export function itemTitle(so: SavedObject<Record<string, unknown>>): string {
  const a = so.attributes ?? {};
  const data = (a.data ?? {}) as Record<string, unknown>;
  const snapshot = (data.snapshot ?? {}) as Record<string, unknown>;
  const detail =
    a.kind === 'comment' ? data.text : a.kind === 'attachment' ? snapshot.title : a.kind === 'activity' ? String(data.action ?? '').replace(/_/g, ' ') : undefined;
  const kind = typeof a.kind === 'string' ? a.kind.charAt(0).toUpperCase() + a.kind.slice(1) : 'Case item';
  const text = typeof detail === 'string' ? detail.replace(/\s+/g, ' ').trim() : '';
  return `${kind}: ${text.length > ITEM_TITLE_LENGTH ? `${text.slice(0, ITEM_TITLE_LENGTH - 1)}…` : text || so.id}`;
}

/**
 * A comment, attachment or activity entry of a case: its own saved object, referencing the case
 * (`references: [{name: 'case', type: 'siem-investigation-case', id}]`). Appends are plain
 * creates; the case view pages them with `hasReference` + `kind`, sorted by `sortKey`.
 */
export const caseItemSavedObjectType: SavedObjectsType = {
  name: CASE_ITEM_SAVED_OBJECT_TYPE,
  hidden: false,
  namespaceType: 'single',
  mappings: {
    dynamic: false,
    properties: {
      kind: { type: 'keyword' },
      sortKey: { type: 'keyword' },
      at: { type: 'date' },
      by: { type: 'keyword' },
    },
  },
  migrations: {},
  management: {
    importableAndExportable: true,
    icon: 'document',
    getTitle: itemTitle,
    getInAppUrl: (so) => caseUrl(so.references?.find((r) => r.type === CASE_SAVED_OBJECT_TYPE)?.id ?? ''),
  },
};

/**
 * The tenant's case-number counter (`{last}`), advanced with optimistic concurrency. Not hidden
 * (the request-scoped client must reach it, in the user's tenant) and not importable: numbers
 * belong to the tenant that assigned them.
 */
export const caseSequenceSavedObjectType: SavedObjectsType = {
  name: CASE_SEQUENCE_SAVED_OBJECT_TYPE,
  hidden: false,
  namespaceType: 'single',
  mappings: { dynamic: false, properties: { last: { type: 'long' } } },
  migrations: {},
};

export const CASE_SAVED_OBJECT_TYPES: readonly SavedObjectsType[] = [caseSavedObjectType, caseItemSavedObjectType, caseSequenceSavedObjectType];
