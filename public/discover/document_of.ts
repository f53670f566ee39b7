import { SourceDefinitions, sourceOfIndex } from '../../common/sources';
import { DocRef, SourceId } from '../../common/types';
import { LogActionContext, OpenSearchSearchHit } from '../types';

/** The configured log source a Discover hit belongs to, by its concrete index; `null` for any other. */
export function sourceOfHit(hit: Partial<OpenSearchSearchHit> | undefined, sources: SourceDefinitions): SourceId | null {
  return typeof hit?._index === 'string' && typeof hit._id === 'string' ? sourceOfIndex(hit._index, sources) : null;
}

export function refOfHit(hit: OpenSearchSearchHit): DocRef {
  return { index: hit._index, id: hit._id };
}

/**
 * Explore hands a log action the row's `_source` and the dataset's title (an index pattern), not
 * the hit: the source is found from the document's `_index` if a row carries it, else from the
 * dataset title (`log-aws-cloudtrail-*` matches the configured pattern of the same text).
 */
export function sourceOfLogContext(context: LogActionContext | undefined, sources: SourceDefinitions): SourceId | null {
  const index = context?.document?._index;
  if (typeof index === 'string') return sourceOfIndex(index, sources);
  const pattern = context?.indexPattern;
  if (typeof pattern !== 'string' || !pattern) return null;
  const parts = pattern.split(',').map((p) => sourceOfIndex(p.trim(), sources));
  return parts.every((s) => s !== null && s === parts[0]) ? parts[0] : null;
}

/** The stored document of an Explore row, when the row says which it is (`_index` and `_id`). */
export function refOfLogContext(context: LogActionContext): DocRef | null {
  const doc = context.document ?? {};
  const index = doc._index ?? context.metadata?._index;
  const id = doc._id ?? context.metadata?._id;
  return typeof index === 'string' && typeof id === 'string' && index && id ? { index, id } : null;
}
