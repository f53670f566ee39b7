import { CASE_LIMITS, SNAPSHOT_GENERIC_FIELDS } from '../../common/case_types';
import { documentTitle, SourceDefinitions } from '../../common/sources';
import { flattenDocument } from '../../common/flatten';
import { DocRef, SourceId } from '../../common/types';
import { flattenForDisplay } from './flatten_document';

export interface DocumentField {
  field: string;
  value: string;
}

/** The analyst's columns of a document (the source's, or generic ones), as text rows. */
export function keyFields(document: Record<string, unknown>, source: SourceId | null, sources: SourceDefinitions): DocumentField[] {
  const rows = flattenForDisplay(document);
  const wanted = source ? sources[source].columns : SNAPSHOT_GENERIC_FIELDS;
  return wanted.flatMap((field) => rows.filter((r) => r.field === field));
}

/** A case title suggested by a document: what its source says it is (the finding's title, what the event was). */
export function suggestedCaseTitle(document: Record<string, unknown>, source: SourceId | null, ref: DocRef): string {
  const oneLine = (documentTitle(source, flattenDocument(document)) ?? `Document ${ref.id} in ${ref.index}`).replace(/\s+/g, ' ').trim();
  return oneLine.length > CASE_LIMITS.titleLength ? `${oneLine.slice(0, CASE_LIMITS.titleLength - 1)}…` : oneLine;
}
