import { SourceDefinitions } from '../../common/sources';
import { OpenSearchReader } from '../lib/opensearch_reader';
import { IRouter, Logger, RequestHandlerContext } from '../types';

export interface RouteDeps {
  router: IRouter;
  /** The source definitions in force (defaults + deployment config), read per request. */
  getSources: () => SourceDefinitions;
  logger: Logger;
  /** OpenSearch as the user of this request, within the request's time budget. */
  readerOf: (context: RequestHandlerContext) => OpenSearchReader;
  /** `siem_investigations.maxDocsPerShard` in force (LIMITS.maxDocsPerShard when not set). */
  getMaxDocsPerShard?: () => number;
}
