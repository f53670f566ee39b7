import { resolveSources, SourceDefinitions } from '../common/sources';
import { registerCapabilities, createSaveGuard } from './capabilities';
import { caseSavedObjectType } from './cases';
import { SiemInvestigationsConfig, snapshotVisibilityOf } from './config';
import { DEFAULT_SNAPSHOT_VISIBILITY, SnapshotVisibility } from './cases/snapshot_visibility';
import { registerCasesRoutes } from './routes/cases';
import { registerDocumentRoute } from './routes/document';
import { registerFindingsRoute } from './routes/findings';
import { registerInvestigateRoute } from './routes/investigate';
import { CoreSetup, Logger, PluginInitializerContext } from './types';

export class SiemInvestigationsPlugin {
  private readonly logger: Logger;
  private sources: SourceDefinitions = resolveSources();
  private snapshotVisibility: SnapshotVisibility = DEFAULT_SNAPSHOT_VISIBILITY;
  private readonly configSubscription: { unsubscribe(): void };

  constructor(initializerContext: PluginInitializerContext<SiemInvestigationsConfig>) {
    this.logger = initializerContext.logger.get();
    this.configSubscription = initializerContext.config.create<SiemInvestigationsConfig>().subscribe((config) => {
      this.sources = resolveSources(config?.sources);
      this.snapshotVisibility = snapshotVisibilityOf(config?.cases);
    });
  }

  public setup(core: CoreSetup) {
    const router = core.http.createRouter();
    const deps = { router, logger: this.logger, getSources: () => this.sources };
    registerFindingsRoute(deps);
    registerInvestigateRoute(deps);
    registerDocumentRoute(deps);
    registerCasesRoutes({
      ...deps,
      assertCanSave: createSaveGuard(() => core.getStartServices()),
      getSnapshotVisibility: () => this.snapshotVisibility,
    });
    core.savedObjects.registerType(caseSavedObjectType);
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
