import { SourceOverrides } from '../common/sources';
import { SOURCE_IDS } from '../common/types';
import { DEFAULT_SNAPSHOT_VISIBILITY, SNAPSHOT_VISIBILITIES, SnapshotVisibility } from './cases/snapshot_visibility';

/**
 * `siem_investigations.*` in opensearch_dashboards.yml, e.g.
 *   siem_investigations.sources.cloudtrail.indexPattern: "log-aws-cloudtrail-*,archive-cloudtrail-*"
 * so a deployment points the plugin at its own indices without code changes.
 */
export interface SiemInvestigationsConfig {
  enabled: boolean;
  sources: SourceOverrides;
  /** `cases.snapshotVisibility`: who may read attachment snapshots (server/cases/snapshot_visibility.ts). */
  cases?: { snapshotVisibility?: SnapshotVisibility };
}

/** The setting, or the safe default when absent; an unknown value is refused, not guessed. */
export function snapshotVisibilityOf(cases: SiemInvestigationsConfig['cases']): SnapshotVisibility {
  const v = cases?.snapshotVisibility;
  if (v === undefined) return DEFAULT_SNAPSHOT_VISIBILITY;
  if (!(SNAPSHOT_VISIBILITIES as readonly string[]).includes(v)) {
    throw new Error(`siem_investigations.cases.snapshotVisibility must be one of ${SNAPSHOT_VISIBILITIES.join(', ')}, got ${JSON.stringify(v)}`);
  }
  return v;
}

/**
 * The browser plugin needs the source index patterns too (which Discover documents get the
 * Investigations tab, which index pattern "Open in Discover" uses).
 */
export const EXPOSE_TO_BROWSER = { sources: true } as const;

/**
 * OSD validates plugin config with `@osd/config-schema`, which exists only inside OSD (it is
 * resolved from OSD's node_modules at run time, like every third-party plugin does). Outside OSD
 * (the dev host, unit tests) there is no schema: the host hands the plugin its config as is and
 * reads `exposeToBrowser` from this same descriptor.
 */
export function createConfigDescriptor(): { schema?: unknown; exposeToBrowser: typeof EXPOSE_TO_BROWSER } {
  let schema: any;
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    schema = require('@osd/config-schema').schema;
  } catch {
    return { exposeToBrowser: EXPOSE_TO_BROWSER };
  }
  const source = schema.object({
    indexPattern: schema.maybe(schema.string()),
    indexPatternId: schema.maybe(schema.string()),
    timeField: schema.maybe(schema.string()),
    columns: schema.maybe(schema.arrayOf(schema.string(), { maxSize: 30 })),
  });
  const sources: Record<string, unknown> = {};
  for (const id of SOURCE_IDS) sources[id] = schema.maybe(source);
  return {
    exposeToBrowser: EXPOSE_TO_BROWSER,
    schema: schema.object({
      enabled: schema.boolean({ defaultValue: true }),
      sources: schema.object(sources),
      cases: schema.object({
        snapshotVisibility: schema.oneOf(
          SNAPSHOT_VISIBILITIES.map((v) => schema.literal(v)),
          { defaultValue: DEFAULT_SNAPSHOT_VISIBILITY }
        ),
      }),
    }),
  };
}
