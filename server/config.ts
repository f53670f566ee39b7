import { DEFAULT_CASE_NUMBER_PREFIX } from '../common/case_types';
import { SourceOverrides } from '../common/sources';
import { CASE_NUMBER_PREFIX_PATTERN } from './cases/case_number';
import { LIMITS } from '../common/constants';
import { SOURCE_IDS } from '../common/types';
import { INCIDENT_LIMITS } from '../common/incident_types';
import { DEFAULT_IOC_TYPES } from '../common/observable_types';
import { DEFAULT_SNAPSHOT_VISIBILITY, SNAPSHOT_VISIBILITIES, SnapshotVisibility } from './cases/snapshot_visibility';

/**
 * `siem_investigations.*` in opensearch_dashboards.yml, e.g.
 *   siem_investigations.sources.cloudtrail.indexPattern: "log-aws-cloudtrail-*,archive-cloudtrail-*"
 * so a deployment points the plugin at its own indices without code changes.
 */
export interface SiemInvestigationsConfig {
  enabled: boolean;
  sources: SourceOverrides;
  /**
   * Milliseconds all OpenSearch calls of one request may take together, retries included. Keep it
   * at or below OSD's `opensearch.requestTimeout` (30 s by default).
   */
  requestTimeout?: number;
  /**
   * Documents an evidence search collects per shard before it stops (`terminate_after`); counts past
   * it are lower bounds and the answer says so. Default LIMITS.maxDocsPerShard (200,000).
   */
  maxDocsPerShard?: number;
  /** `cases.snapshotVisibility`: who may read attachment snapshots (server/cases/snapshot_visibility.ts). */
  /** `cases.numberPrefix`: case 12 is `<prefix>-12` (default `SIR`; server/cases/case_number.ts). */
  cases?: { snapshotVisibility?: SnapshotVisibility; numberPrefix?: string };
  /** The Incidents view (docs/incidents.md): the sliding window that groups findings, and how many findings a range may hold. */
  incidents?: { window?: string; maxFindings?: number };
  /**
   * Case observables (docs/incidents.md): `excludeFromCorrelation` lists the organisation's own
   * NAT, VPN and CI addresses and roles as `type:value` (`ip:203.0.113.0/24`, `role:ci-deployer`);
   * they never group findings and their observables start "excluded from correlation".
   * `iocTypes`: entity types whose observables start flagged as IOCs.
   */
  observables?: { excludeFromCorrelation?: string[]; iocTypes?: string[] };
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
 * The config schema, built with `@osd/config-schema`. Like every third-party plugin, the plugin
 * does not ship that package: it resolves from OSD's own node_modules at run time (outside OSD, the
 * dev host, jest and the build check resolve it to dev/host/config_schema.ts). Where it cannot be
 * resolved, loading fails here: a config without a schema would be refused by OSD anyway
 * ("Configuration schema expected to be an instance of Type").
 */
export function createConfigDescriptor(): { schema: unknown; exposeToBrowser: typeof EXPOSE_TO_BROWSER } {
  let schema: any;
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    schema = require('@osd/config-schema').schema;
  } catch (e) {
    throw new Error(`siemInvestigations needs @osd/config-schema, which OpenSearch Dashboards provides; it could not be loaded: ${(e as Error).message}`);
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
      requestTimeout: schema.number({ defaultValue: LIMITS.requestTimeoutMs, min: 1000, max: 300000 }),
      maxDocsPerShard: schema.number({ defaultValue: LIMITS.maxDocsPerShard, min: 100, max: 100_000_000 }),
      incidents: schema.object({
        window: schema.string({ defaultValue: INCIDENT_LIMITS.defaultWindow }),
        maxFindings: schema.number({ defaultValue: INCIDENT_LIMITS.maxFindings, min: 10, max: 60000 }),
      }),
      observables: schema.object({
        excludeFromCorrelation: schema.arrayOf(schema.string(), { defaultValue: [], maxSize: 1000 }),
        iocTypes: schema.arrayOf(schema.string(), { defaultValue: [...DEFAULT_IOC_TYPES], maxSize: 40 }),
      }),
      cases: schema.object({
        snapshotVisibility: schema.oneOf(
          SNAPSHOT_VISIBILITIES.map((v) => schema.literal(v)),
          { defaultValue: DEFAULT_SNAPSHOT_VISIBILITY }
        ),
        numberPrefix: schema.string({ defaultValue: DEFAULT_CASE_NUMBER_PREFIX, validate: (v: string) => (CASE_NUMBER_PREFIX_PATTERN.test(v) ? undefined : 'must be 1-10 letters, digits or _ starting with a letter') }),
      }),
    }),
  };
}
