import { CASE_LIMITS, SNAPSHOT_GENERIC_FIELDS } from '../../common/case_types';
import { SourceDefinitions } from '../../common/sources';
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

function text(rows: DocumentField[], field: string): string | undefined {
  return rows.find((r) => r.field === field)?.value || undefined;
}

/** A case title suggested by a document: the finding's title, or what the event was. */
export function suggestedCaseTitle(document: Record<string, unknown>, source: SourceId | null, ref: DocRef): string {
  const rows = flattenForDisplay(document);
  const get = (f: string) => text(rows, f);
  let title: string | undefined;
  if (source === 'guardduty') title = get('title') ?? get('type');
  else if (source === 'securityhub') title = get('Title');
  else if (source === 'cloudtrail' && get('event.action')) {
    const who = get('user.name') ?? get('user.id');
    title = `${get('event.action')}${get('event.outcome') ? ` (${get('event.outcome')})` : ''}${who ? ` by ${who}` : ''}`;
  } else title = get('syslog_message') ?? get('message');
  const oneLine = (title ?? `Document ${ref.id} in ${ref.index}`).replace(/\s+/g, ' ').trim();
  return oneLine.length > CASE_LIMITS.titleLength ? `${oneLine.slice(0, CASE_LIMITS.titleLength - 1)}…` : oneLine;
}
