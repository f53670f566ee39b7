/** Names fixed by docs/decisions.md: they must never collide with the official `investigationDashboards` plugin. */
export const PLUGIN_ID = 'siemInvestigations';
export const PLUGIN_NAME = 'Investigations';
export const APP_ID = 'siem-investigations';
export const CONFIG_PATH = 'siem_investigations';
export const CAPABILITY_ID = 'siemInvestigations';
export const CASE_SAVED_OBJECT_TYPE = 'siem-investigation-case';
/** Case observables: one saved object per (case, type, value), referencing the case by id (docs/incidents.md). */
export const OBSERVABLE_SAVED_OBJECT_TYPE = 'siem-investigation-observable';
export const CASE_TEMPLATE_SAVED_OBJECT_TYPE = 'siem-investigation-case-template';
/** A comment, attachment or activity entry of a case, referencing it (docs/cases.md "Storage"). */
export const CASE_ITEM_SAVED_OBJECT_TYPE = 'siem-investigation-case-item';
/** The tenant's case-number counter (one object, id CASE_NUMBER_SEQUENCE_ID). */
export const CASE_SEQUENCE_SAVED_OBJECT_TYPE = 'siem-investigation-case-sequence';

/** The OSD version this repository targets by default (manifest `opensearchDashboardsVersion`). */
export const TARGET_OSD_VERSION = '3.8.0';

export const API_BASE = '/api/siem_investigations';

export const API_PATHS = {
  findings: `${API_BASE}/findings`,
  incidents: `${API_BASE}/incidents`,
  casesFromIncident: `${API_BASE}/cases/from_incident`,
  caseObservables: (id: string) => `${API_BASE}/cases/${encodeURIComponent(id)}/observables`,
  caseObservable: (id: string, observableId: string) => `${API_BASE}/cases/${encodeURIComponent(id)}/observables/${encodeURIComponent(observableId)}`,
  seenInCases: `${API_BASE}/cases/seen_in`,
  investigate: `${API_BASE}/investigate`,
  document: `${API_BASE}/document`,
  cases: `${API_BASE}/cases`,
  case: (id: string) => `${API_BASE}/cases/${encodeURIComponent(id)}`,
  caseAttachments: (id: string) => `${API_BASE}/cases/${encodeURIComponent(id)}/attachments`,
  caseComments: (id: string) => `${API_BASE}/cases/${encodeURIComponent(id)}/comments`,
  caseMerge: (id: string) => `${API_BASE}/cases/${encodeURIComponent(id)}/merge`,
  caseExport: (id: string) => `${API_BASE}/cases/${encodeURIComponent(id)}/export`,
  caseTasks: (id: string) => `${API_BASE}/cases/${encodeURIComponent(id)}/tasks`,
  caseTask: (id: string, taskId: string) => `${API_BASE}/cases/${encodeURIComponent(id)}/tasks/${encodeURIComponent(taskId)}`,
  caseTemplates: `${API_BASE}/case_templates`,
  caseTemplate: (id: string) => `${API_BASE}/case_templates/${encodeURIComponent(id)}`,
  caseMetrics: `${API_BASE}/case_metrics`,
  casesBulk: `${API_BASE}/case_bulk`,
  /** One page of a case's comments, attachments or activity (`CaseItemsPage`). */
  caseItems: (id: string, kind: 'comments' | 'attachments' | 'activity') => `${API_BASE}/cases/${encodeURIComponent(id)}/${kind}`,
} as const;

/** Bounds applied by the server whatever the caller asks for. */
export const LIMITS = {
  /** Largest time window (before + after) an investigation may span. */
  maxWindowMs: 30 * 24 * 60 * 60 * 1000,
  defaultWindowBefore: '24h',
  defaultWindowAfter: '6h',
  /** Hits returned per evidence group. */
  evidenceHits: 50,
  /** Buckets per facet. */
  facetSize: 10,
  /** Values per entity type used in one pivot (terms query size). */
  entitiesPerType: 50,
  /** Findings list page size. */
  maxPerPage: 100,
  /** Server-side timeout of one search inside the _msearch. */
  searchTimeout: '10s',
  /**
   * Coverage counts stop at this many documents (`track_total_hits`); above it the count is a lower
   * bound, shown as "10,000+" (the answer says `docsInWindowIsLowerBound`).
   */
  coverageCountLimit: 10000,
  /**
   * Documents an evidence search collects per shard before it stops (`terminate_after`): what keeps
   * a heavy finding (hundreds of thousands of matches over a long window) inside the 30 s budget.
   * Below it every count is exact; at it, counts are lower bounds and the answer says so. A
   * deployment may change it (`siem_investigations.maxDocsPerShard`).
   */
  maxDocsPerShard: 200_000,
  /**
   * Server-side timeout of the exact count of a group that stopped at `maxDocsPerShard` (a size-0
   * `track_total_hits` search riding in the next round trip): 500,000 matches count in ~20 ms, so
   * this only bounds a pathological case; a count that does not finish leaves the lower bound.
   */
  exactCountTimeoutMs: 2000,
  /** Client-side timeout of a whole request to OpenSearch. */
  requestTimeoutMs: 30000,
  /** Timeline entries after merging repeats. */
  timelineEntries: 300,
  graphNodes: 80,
  /**
   * Characters per value and values per field of an evidence hit, and characters of all its fields
   * together (the document flyout shows it whole).
   */
  hitValueChars: 512,
  hitValuesPerField: 10,
  hitChars: 2048,
  /** Characters of a timeline line, of a label (graph node, facet value, finding title) and of a story sentence. */
  summaryChars: 300,
  labelChars: 200,
  storyChars: 600,
  maxTextFilterLength: 256,
} as const;
