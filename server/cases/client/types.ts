import { SourceDefinitions } from '../../../common/sources';
import { Logger } from '../../types';
import { CaseService } from '../service';
import { OpenSearchReader } from '../../lib/opensearch_reader';
import { SnapshotVisibility } from '../snapshot_visibility';
import { ObservableStore } from '../observables';
import { CaseTemplateService } from '../templates/service';

/** What every operation of the cases client works with; built once per request by the factory. */
export interface CasesClientArgs {
  service: CaseService;
  /** Case templates of the same tenant (templates/). */
  templates: CaseTemplateService;
  /** OpenSearch as the current user: attached documents are read with the user's permissions. */
  opensearch: OpenSearchReader;
  /** The author of a change (asked once per request, and only when writing). */
  currentUser(): Promise<string>;
  /** ISO 8601 time of a change, from the server's clock. */
  now(): string;
  getSources(): SourceDefinitions;
  newId(): string;
  logger: Logger;
  /** `siem_investigations.cases.snapshotVisibility` (default `source`, see snapshot_visibility.ts). */
  snapshotVisibility?(): SnapshotVisibility;
  /** Case observables (docs/incidents.md): the entities of attached documents are recorded there. */
  observables?: ObservableStore;
  /** `siem_investigations.cases.numberPrefix` (default `SIR`): case 12 is `SIR-12`. */
  numberPrefix(): string;
}
