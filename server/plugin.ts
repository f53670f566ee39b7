import { CAPABILITY_ID, LIMITS } from '../common/constants';
import { resolveSources, SourceDefinitions } from '../common/sources';
import { caseSavedObjectType } from './cases';
import { SiemInvestigationsConfig } from './config';
import { registerCasesRoutes } from './routes/cases';
import { registerDocumentRoute } from './routes/document';
import { registerFindingsRoute } from './routes/findings';
import { registerInvestigateRoute } from './routes/investigate';
import { createOpenSearchReader } from './lib/opensearch_reader';
import { RequestBudget } from './lib/request_budget';
import { CoreSetup, Logger, PluginInitializerContext, RequestHandlerContext } from './types';

export class SiemInvestigationsPlugin {
  private readonly logger: Logger;
  private sources: SourceDefinitions = resolveSources();
  private requestTimeoutMs: number = LIMITS.requestTimeoutMs;
  private readonly configSubscription: { unsubscribe(): void };

  constructor(initializerContext: PluginInitializerContext<SiemInvestigationsConfig>) {
    this.logger = initializerContext.logger.get();
    this.configSubscription = initializerContext.config.create<SiemInvestigationsConfig>().subscribe((config) => {
      this.sources = resolveSources(config?.sources);
      this.requestTimeoutMs = validTimeout(config?.requestTimeout) ?? LIMITS.requestTimeoutMs;
    });
  }

  public setup(core: CoreSetup) {
    const router = core.http.createRouter();
    const deps = {
      router,
      logger: this.logger,
      getSources: () => this.sources,
      readerOf: (context: RequestHandlerContext) =>
        createOpenSearchReader(context.core.opensearch.client.asCurrentUser, { budget: new RequestBudget(this.requestTimeoutMs) }),
    };
    registerFindingsRoute(deps);
    registerInvestigateRoute(deps);
    registerDocumentRoute(deps);
    registerCasesRoutes(deps);
    core.savedObjects.registerType(caseSavedObjectType);
    core.capabilities.registerProvider(() => ({ [CAPABILITY_ID]: { show: true, save: true } }));
    return {};
  }

  public start() {
    return {};
  }

  public stop() {
    this.configSubscription.unsubscribe();
  }
}

function validTimeout(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined;
}
