import type { FlatDoc } from '../flatten';
import type { SourceId } from '../types';

/**
 * Where a log source lives and which of its fields an analyst reads first. Defaults follow SIEM on
 * Amazon OpenSearch Service; a deployment overrides them with `siem_investigations.sources.<source>.*`.
 */
export interface SourceDefinition {
  id: SourceId;
  label: string;
  /** Comma-separated index patterns; wildcards match monthly, daily and numbered (rollover) indices. */
  indexPattern: string;
  timeField: string;
  /** Saved-object id of the index pattern in Dashboards, used for "Open in Discover". */
  indexPatternId: string;
  /** Table columns, in the order an analyst reads them. */
  columns: string[];
}

export type SourceDefinitions = Record<SourceId, SourceDefinition>;

export type SourceOverrides = Partial<Record<SourceId, Partial<Pick<SourceDefinition, 'indexPattern' | 'indexPatternId' | 'timeField' | 'columns'>>>>;

/**
 * The browser-safe half of a source adapter: everything the browser and the server both need to
 * know about one log source. The server half (what an investigation reads, timeline phrasing,
 * graph edges) is in `server/sources/`.
 */
export interface SourceAdapter {
  definition: SourceDefinition;
  /** GuardDuty and Security Hub documents are findings; every other log line is an event. */
  attachmentType: 'finding' | 'event';
  /** One line saying what a document is, in the analyst's words (attachment and case titles). */
  title(doc: FlatDoc): string | undefined;
}
