import { CaseActivity, CaseAttachment, CaseAttachmentSnapshot } from '../../common/case_types';
import { flattenDocument } from '../../common/flatten';
import { documentTitle } from '../../common/sources';
import { MgetDoc } from './types';

/**
 * Who may read an attachment's snapshot (the key fields copied into the case when the document was
 * attached, by the user who attached it). `siem_investigations.cases.snapshotVisibility`:
 *
 * - `source` (default, the safe one): a case reader sees a snapshot only as far as they can read the
 *   source document now, as themselves. When the case is read, ONE `mget` as the reader asks for the
 *   attached documents with only the snapshot's fields:
 *   - found: the snapshot keeps the fields the reader's view of the document has (field-level
 *     security removes the others); if any was removed, the title is rebuilt from the kept fields;
 *   - not found (document-level security hides it, or it was deleted), refused (no permission on the
 *     index), or the check failed: the snapshot is withheld (no fields, no time, a neutral title);
 *   - its index no longer exists (aged out of retention): nothing is left to check against, and the
 *     snapshot is shown as stored. That is what snapshots are for; it is also the one case where a
 *     reader sees values their roles would hide today (documented in docs/security.md).
 *   The activity entry "attached …" carries the snapshot title: it follows the snapshot.
 * - `case` (Elastic's cases): whoever can read the case sees every snapshot as it was stored. Copied
 *   values then escape document- and field-level security (OpenSearch Security Analytics warns of
 *   the same for copied finding metadata); choose it only when every case reader may see every source.
 */
export const SNAPSHOT_VISIBILITIES = ['source', 'case'] as const;
export type SnapshotVisibility = (typeof SNAPSHOT_VISIBILITIES)[number];
export const DEFAULT_SNAPSHOT_VISIBILITY: SnapshotVisibility = 'source';

export const WITHHELD_TITLE = 'Not visible to you: your roles do not allow reading this document';

/** The `mget` docs of the availability check: in `source` mode with the snapshot's fields. */
export function availabilityRequest(attachments: CaseAttachment[], mode: SnapshotVisibility): Array<{ _index: string; _id: string; _source: string[] | false }> {
  return attachments.map((a) => {
    const fields = Object.keys(a.snapshot.fields);
    return { _index: a.ref.index, _id: a.ref.id, _source: mode === 'source' && fields.length ? fields : false };
  });
}

/**
 * The attachments as `mode` lets the reader see them. `docs` answers `availabilityRequest` in order;
 * `undefined` when the check failed.
 */
export function visibleAttachments(attachments: CaseAttachment[], docs: MgetDoc[] | undefined, mode: SnapshotVisibility): CaseAttachment[] {
  if (mode === 'case') return attachments;
  return attachments.map((a, i) => {
    const doc = docs?.[i];
    const matches = doc && doc._index === a.ref.index && doc._id === a.ref.id;
    if (matches && doc.found === true) return { ...a, snapshot: readableFields(a.snapshot, doc._source ?? {}) };
    if (matches && doc.error?.type === 'index_not_found_exception') return a;
    return { ...a, snapshot: withheld(a.snapshot) };
  });
}

/** The activity log with each "attached …" title as the reader sees that attachment's snapshot. */
export function visibleActivity(activity: CaseActivity[], attachments: CaseAttachment[]): CaseActivity[] {
  const titles = new Map(attachments.map((a) => [a.id, a.snapshot.title]));
  return activity.map((e) => (e.action === 'attachment_added' && titles.has(e.attachmentId) && titles.get(e.attachmentId) !== e.title ? { ...e, title: titles.get(e.attachmentId)! } : e));
}

function readableFields(snapshot: CaseAttachmentSnapshot, source: Record<string, unknown>): CaseAttachmentSnapshot {
  const readable = new Set(Object.keys(flattenDocument(source)));
  const kept = Object.entries(snapshot.fields).filter(([k]) => readable.has(k));
  if (kept.length === Object.keys(snapshot.fields).length) return snapshot;
  const fields = Object.fromEntries(kept);
  const { timestamp, truncated } = snapshot;
  return {
    source: snapshot.source,
    ...(timestamp ? { timestamp } : {}),
    title: documentTitle(snapshot.source, fields) ?? WITHHELD_TITLE,
    fields,
    ...(truncated ? { truncated } : {}),
  };
}

function withheld(snapshot: CaseAttachmentSnapshot): CaseAttachmentSnapshot {
  return { source: snapshot.source, title: WITHHELD_TITLE, fields: {} };
}
