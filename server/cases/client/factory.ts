import { randomUUID } from 'crypto';
import { DEFAULT_CASE_NUMBER_PREFIX } from '../../../common/case_types';
import { SourceDefinitions } from '../../../common/sources';
import { OpenSearchReader } from '../../lib/opensearch_reader';
import { Logger, RequestHandlerContext } from '../../types';
import { resolveCurrentUser } from '../current_user';
import { CaseService } from '../service';
import { CaseTemplateService } from '../templates/service';
import { SnapshotVisibility } from '../snapshot_visibility';
import { ObservableDefaults, ObservableStore } from '../observables';
import { CasesClient, createCasesClient } from './client';

export interface CasesClientFactoryDeps {
  getSources(): SourceDefinitions;
  logger: Logger;
  readerOf(context: RequestHandlerContext): OpenSearchReader;
  getSnapshotVisibility?(): SnapshotVisibility;
  /** Defaults of new observables (`siem_investigations.observables.*`); without it none are recorded. */
  getObservableDefaults?(): ObservableDefaults;
  /** `siem_investigations.cases.numberPrefix`. */
  getNumberPrefix?(): string;
}

/**
 * Builds the cases client of one request from the request's own scoped clients: the saved objects
 * client (the user's tenant) and OpenSearch as the current user. Nothing is shared between requests.
 */
export function createCasesClientFactory(deps: CasesClientFactoryDeps): (context: RequestHandlerContext) => CasesClient {
  return (context) => {
    const opensearch = deps.readerOf(context);
    let user: Promise<string> | undefined;
    const defaults = deps.getObservableDefaults?.();
    return createCasesClient({
      ...(defaults ? { observables: new ObservableStore(context.core.savedObjects.client, opensearch.budget, defaults) } : {}),
      service: new CaseService(context.core.savedObjects.client, opensearch.budget),
      templates: new CaseTemplateService(context.core.savedObjects.client, opensearch.budget),
      opensearch,
      currentUser: () => (user ??= resolveCurrentUser(opensearch)),
      now: () => new Date().toISOString(),
      newId: () => randomUUID(),
      getSources: deps.getSources,
      logger: deps.logger,
      snapshotVisibility: deps.getSnapshotVisibility,
      numberPrefix: () => deps.getNumberPrefix?.() ?? DEFAULT_CASE_NUMBER_PREFIX,
    });
  };
}
