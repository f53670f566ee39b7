import { LIMITS } from '../common/constants';
import { resolveSources, SourceDefinitions } from '../common/sources';
import { registerCapabilities, createSaveGuard } from './capabilities';
import { CASE_SAVED_OBJECT_TYPES } from './cases';
import { validNumberPrefix } from './cases/case_number';
import { observableSavedObjectType } from './cases/observables';
import { SiemInvestigationsConfig, snapshotVisibilityOf } from './config';
import { DEFAULT_SNAPSHOT_VISIBILITY, SnapshotVisibility } from './cases/snapshot_visibility';
import { registerCasesRoutes } from './routes/cases';
import { registerCaseWorkflowRoutes } from './routes/case_workflow';
import { caseTemplateSavedObjectType } from './cases/templates/saved_object_type';
import { registerDocumentRoute } from './routes/document';
import { registerFindingsRoute } from './routes/findings';
import { registerInvestigateRoute } from './routes/investigate';
import { registerIncidentsRoute } from './routes/incidents';
import { correlationConfigOf, CorrelationConfig } from './incidents/correlation_config';
import { createOpenSearchReader } from './lib/opensearch_reader';
import { RequestBudget } from './lib/request_budget';
import { CoreSetup, Logger, PluginInitializerContext, RequestHandlerContext } from './types';

export class SiemInvestigationsPlugin {
  private readonly logger: Logger;
  private sources: SourceDefinitions = resolveSources();
  private requestTimeoutMs: number = LIMITS.requestTimeoutMs;
  private snapshotVisibility: SnapshotVisibility = DEFAULT_SNAPSHOT_VISIBILITY;
  private maxDocsPerShard: number = LIMITS.maxDocsPerShard;
  private correlation: CorrelationConfig = correlationConfigOf(undefined);
  private numberPrefix: string = validNumberPrefix(undefined);
  private readonly configSubscription: { unsubscribe(): void };

  constructor(initializerContext: PluginInitializerContext<SiemInvestigationsConfig>) {
    this.logger = initializerContext.logger.get();
    this.configSubscription = initializerContext.config.create<SiemInvestigationsConfig>().subscribe((config) => {
      this.sources = resolveSources(config?.sources);
      this.requestTimeoutMs = validTimeout(config?.requestTimeout) ?? LIMITS.requestTimeoutMs;
      this.snapshotVisibility = snapshotVisibilityOf(config?.cases);
      this.maxDocsPerShard = config?.maxDocsPerShard ?? LIMITS.maxDocsPerShard;
      this.correlation = correlationConfigOf(config);
      this.numberPrefix = validNumberPrefix(config?.cases?.numberPrefix);
    });
  }

  public setup(core: CoreSetup) {
    const router = core.http.createRouter();
    const deps = {
      router,
      logger: this.logger,
      getSources: () => this.sources,
      getMaxDocsPerShard: () => this.maxDocsPerShard,
      readerOf: (context: RequestHandlerContext) =>
        createOpenSearchReader(context.core.opensearch.client.asCurrentUser, { budget: new RequestBudget(this.requestTimeoutMs) }),
    };
    registerFindingsRoute(deps);
    registerInvestigateRoute(deps);
    registerDocumentRoute(deps);
    registerIncidentsRoute({ ...deps, getCorrelation: () => this.correlation });
    const caseDeps = {
      ...deps,
      assertCanSave: createSaveGuard(() => core.getStartServices()),
      getSnapshotVisibility: () => this.snapshotVisibility,
      getObservableDefaults: () => ({ exclusions: this.correlation.exclusions, iocTypes: this.correlation.iocTypes }),
      getNumberPrefix: () => this.numberPrefix,
    };
    registerCasesRoutes(caseDeps);
    registerCaseWorkflowRoutes(caseDeps);
    for (const type of CASE_SAVED_OBJECT_TYPES) core.savedObjects.registerType(type);
    core.savedObjects.registerType(observableSavedObjectType);
    core.savedObjects.registerType(caseTemplateSavedObjectType);
    registerCapabilities(core);
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
