import { API_PATHS, LIMITS } from '../../common/constants';
import { DocRef, DocumentResponse } from '../../common/types';
import { sourceOfIndex } from '../../common/sources';
import { first, flattenDocument } from '../correlation/flatten';
import { notFound } from '../lib/errors';
import { respondError } from '../lib/respond';
import { docRef, validator } from '../lib/validation';
import { RouteDeps } from './types';

export const validateDocumentQuery = validator<DocRef>((data) => docRef(data, 'query'));

/** One whole document, for the evidence flyout and for "Add to case" from Discover. */
export function registerDocumentRoute({ router, getSources, logger }: RouteDeps): void {
  router.get({ path: API_PATHS.document, validate: { query: validateDocumentQuery } }, async (context, request, response) => {
    try {
      const { index, id } = request.query;
      const client = context.core.opensearch.client.asCurrentUser;
      let body: { _source?: Record<string, unknown>; found?: boolean };
      try {
        ({ body } = await client.get({ index, id }, { requestTimeout: LIMITS.requestTimeoutMs }));
      } catch (e) {
        const status = (e as { meta?: { statusCode?: number } }).meta?.statusCode;
        if (status === 404) throw notFound(`No document ${id} in index ${index}`);
        throw e;
      }
      if (!body._source) throw notFound(`No document ${id} in index ${index}`);
      const sources = getSources();
      const source = sourceOfIndex(index, sources);
      const result: DocumentResponse = {
        ref: { index, id },
        source,
        timestamp: first(flattenDocument({ t: body._source[source ? sources[source].timeField : '@timestamp'] }), 't'),
        document: body._source,
      };
      return response.ok({ body: result });
    } catch (e) {
      return respondError(response, e, logger);
    }
  });
}
