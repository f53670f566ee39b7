import { SourceDefinitions, sourceOfIndex } from '../../common/sources';
import { SourceId } from '../../common/types';
import { badRequest } from './errors';

/**
 * Documents are read only from the configured log sources: never a dot-index, the saved objects
 * index or any other index the user happens to be able to read. Checked before anything is read,
 * so the answer is the same whether or not such a document exists.
 */
export function requireSourceIndex(index: string, sources: SourceDefinitions, only?: SourceId): SourceId {
  const source = sourceOfIndex(index, sources);
  if (only !== undefined) {
    if (source !== only) {
      throw badRequest(`index "${index}" is not a ${sources[only].label} index (configured pattern: ${sources[only].indexPattern})`);
    }
    return source;
  }
  if (source === null) {
    const patterns = Object.values(sources).map((d) => d.indexPattern).join(', ');
    throw badRequest(`index "${index}" is not in any configured log source (patterns: ${patterns})`);
  }
  return source;
}
