import { CASE_LIMITS, CaseAttachmentSnapshot, snapshotFieldOrder } from '../../common/case_types';
import { documentTitle, SourceDefinitions, sourceOfIndex } from '../../common/sources';
import { DocRef } from '../../common/types';
import { FlatDoc, first, flattenDocument } from '../../common/flatten';
import { boundValues, clipText } from '../lib/bounds';

/**
 * The key fields of a document, copied into the case when it is attached so the case still reads
 * correctly after the source has aged out of retention. The source's columns (what the analyst saw
 * in the evidence table) plus identity fields, bounded by CASE_LIMITS.snapshot* so a huge log line
 * cannot blow up the case.
 */
export function buildSnapshot(ref: DocRef, document: Record<string, unknown>, sources: SourceDefinitions): CaseAttachmentSnapshot {
  const source = sourceOfIndex(ref.index, sources);
  const flat = flattenDocument(document);
  const wanted = snapshotFieldOrder(source, sources);
  const timeField = source ? sources[source].timeField : '@timestamp';

  let truncated = false;
  const fields: Record<string, string | string[]> = {};
  let bytes = 2;
  for (const key of fieldsInOrder(flat, wanted)) {
    if (Object.keys(fields).length >= CASE_LIMITS.snapshotFields) {
      truncated = true;
      break;
    }
    const { value, cut } = boundValues(flat[key], CASE_LIMITS.snapshotValuesPerField, CASE_LIMITS.snapshotValueLength);
    const cost = JSON.stringify(key).length + JSON.stringify(value).length + 2;
    if (bytes + cost > CASE_LIMITS.snapshotBytes) {
      truncated = true;
      continue;
    }
    bytes += cost;
    fields[key] = value;
    truncated ||= cut;
  }
  const timestamp = first(flat, timeField, '@timestamp');
  return {
    source,
    ...(timestamp ? { timestamp } : {}),
    title: clipText(documentTitle(source, flat) ?? `${ref.index}/${ref.id}`, CASE_LIMITS.snapshotValueLength),
    fields,
    ...(truncated ? { truncated: true } : {}),
  };
}

/** Wanted fields in their order; a wanted object path brings its leaves. */
function fieldsInOrder(flat: FlatDoc, wanted: string[]): string[] {
  const keys = Object.keys(flat);
  const out: string[] = [];
  for (const w of wanted) {
    for (const k of keys) if ((k === w || k.startsWith(`${w}.`)) && !out.includes(k)) out.push(k);
  }
  return out;
}

