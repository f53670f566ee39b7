import { API_PATHS } from '../../common/constants';
import { DocRef, DocumentResponse } from '../../common/types';
import { first, flattenDocument } from '../../common/flatten';
import { notFound } from '../lib/errors';
import { respondError } from '../lib/respond';
import { requireSourceIndex } from '../lib/source_index';
import { docRef, validator } from '../lib/validation';
import { RouteDeps } from './types';

export const validateDocumentQuery = validator<DocRef>((data) => docRef(data, 'query'));

/** One whole document of a configured log source, for the evidence flyout and for "Add to case" from Discover. */
export function registerDocumentRoute({ router, getSources, logger, readerOf }: RouteDeps): void {
  router.get({ path: API_PATHS.document, validate: { query: validateDocumentQuery } }, async (context, request, response) => {
    try {
      const { index, id } = request.query;
      const sources = getSources();
      const source = requireSourceIndex(index, sources);
      const found = await readerOf(context).getDocument({ index, id });
      if (!found) throw notFound(`No document ${id} in index ${index}`);
      const result: DocumentResponse = {
        ref: { index, id },
        source,
        timestamp: first(flattenDocument({ t: found.source[sources[source].timeField] }), 't'),
        document: found.source,
      };
      return response.ok({ body: result });
    } catch (e) {
      return respondError(response, e, logger);
    }
  });
}
