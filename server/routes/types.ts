import { SourceDefinitions } from '../../common/sources';
import { IRouter, Logger } from '../types';

export interface RouteDeps {
  router: IRouter;
  /** The source definitions in force (defaults + deployment config), read per request. */
  getSources: () => SourceDefinitions;
  logger: Logger;
}
