import { euiPaletteColorBlind } from '@elastic/eui';
import { darkMode, euiThemeVars } from '@osd/ui-shared-deps/theme';
import { ENTITY_NOUNS } from '../../common/entity_nouns';
import { EntityType, GraphNodeType, Severity, SourceId } from '../../common/types';
import { i18n } from '@osd/i18n';

/**
 * Colours come from OUI, never from hex codes here: the colour-blind-safe visualisation palette
 * (`euiPaletteColorBlind`, the same in light and dark themes) for categories, and the page's theme
 * variables (`euiThemeVars` of `@osd/ui-shared-deps/theme`, which OSD sets from `theme:darkMode`
 * and `theme:version`) for everything drawn on the page's background.
 */
const VIS = euiPaletteColorBlind();
/** 30 colours: the 10 of the palette, then two lighter turns of each. */
const VIS_WIDE = euiPaletteColorBlind({ rotations: 3 });

/** Elastic Security's severity colours (palette 0, 5, 7, 9), so a SOC analyst reads them without a legend. */
export const SEVERITY_COLORS: Record<Severity, string> = {
  low: VIS[0],
  medium: VIS[5],
  high: VIS[7],
  critical: VIS[9],
};

/** Bars of a breakdown (facets). */
export const BAR_COLOR = VIS[1];

/** One hue of the colour-blind-safe palette per log source. */
export const SOURCE_COLORS: Record<SourceId, string> = {
  guardduty: VIS[1],
  cloudtrail: VIS[2],
  linux_secure: VIS[3],
  securityhub: VIS[0],
  vpcflowlogs: VIS[4],
  r53resolver: VIS[6],
  s3accesslog: VIS[9],
  windows_event: VIS[7],
  linux_os: VIS[8],
  // The palette's lighter turns (VIS_WIDE 10–19) for the sources added after the first ten hues.
  waf: VIS_WIDE[11],
  elb: VIS_WIDE[12],
  networkfirewall: VIS_WIDE[14],
  config: VIS_WIDE[15],
};

/** The page's colours, for what the app draws itself (the graph's SVG, small marks). */
export const THEME = {
  darkMode,
  background: euiThemeVars.euiColorEmptyShade,
  subtleBackground: euiThemeVars.euiPageBackgroundColor,
  border: euiThemeVars.euiBorderColor,
  text: euiThemeVars.euiTextColor,
  subduedText: euiThemeVars.euiTextSubduedColor,
  line: euiThemeVars.euiColorMediumShade,
  strongLine: euiThemeVars.euiColorDarkestShade,
  /** Drawn on a palette colour (icons on graph nodes). */
  onVis: euiThemeVars.euiColorGhost,
  primary: euiThemeVars.euiColorPrimary,
  focusRing: euiThemeVars.euiFocusRingColor,
};

/** Entity types as labels: the nouns the server's sentences use (common/entity_nouns.ts), capitalised. */
export const ENTITY_LABELS: Record<GraphNodeType, string> = Object.defineProperties({} as Record<GraphNodeType, string>, {
  finding: { enumerable: true, get: () => i18n.translate('siemInvestigations.entity.finding', { defaultMessage: 'Finding' }) },
  ...Object.fromEntries(
    (Object.keys(ENTITY_NOUNS) as EntityType[]).map((type) => [type, { enumerable: true, get: () => ENTITY_NOUNS[type].charAt(0).toUpperCase() + ENTITY_NOUNS[type].slice(1) }])
  ),
});

/** OUI 1.x icon names (see `typeToPathMap` of @elastic/eui's icon). */
export const ENTITY_ICONS: Record<GraphNodeType, string> = {
  finding: 'securitySignalDetected',
  access_key: 'tokenKey',
  role: 'usersRolesApp',
  user: 'user',
  instance: 'compute',
  ip: 'tokenIP',
  account: 'logoAWSMono',
  region: 'globe',
  bucket: 'storage',
  object: 'document',
  principal_arn: 'tokenAlias',
  k8s_cluster: 'grid',
  k8s_namespace: 'tokenNamespace',
  k8s_user: 'user',
  k8s_workload: 'node',
  container_image: 'package',
  ecs_cluster: 'layers',
  ecs_task: 'shard',
  lambda_function: 'function',
  rds_instance: 'database',
  db_user: 'lock',
  domain: 'link',
  process: 'console',
  file_hash: 'tokenFile',
  signal: 'securitySignal',
};

/** Entity types by colour: the common ten from the palette itself, the rest from its lighter turns; an attack-sequence signal in the theme's danger colour. */
export const ENTITY_COLORS: Record<GraphNodeType, string> = {
  finding: VIS_WIDE[9],
  access_key: VIS_WIDE[5],
  role: VIS_WIDE[3],
  user: VIS_WIDE[4],
  instance: VIS_WIDE[1],
  ip: VIS_WIDE[2],
  account: VIS_WIDE[6],
  region: VIS_WIDE[8],
  bucket: VIS_WIDE[0],
  object: VIS_WIDE[10],
  principal_arn: VIS_WIDE[13],
  k8s_cluster: VIS_WIDE[11],
  k8s_namespace: VIS_WIDE[21],
  k8s_user: VIS_WIDE[14],
  k8s_workload: VIS_WIDE[20],
  container_image: VIS_WIDE[18],
  ecs_cluster: VIS_WIDE[7],
  ecs_task: VIS_WIDE[27],
  lambda_function: VIS_WIDE[17],
  rds_instance: VIS_WIDE[12],
  db_user: VIS_WIDE[24],
  domain: VIS_WIDE[15],
  process: VIS_WIDE[16],
  file_hash: VIS_WIDE[26],
  signal: euiThemeVars.euiColorDanger,
};

/**
 * Label, icon and colour of a node type, safe for a type this browser does not know yet (a newer
 * server): a readable label from the type name, a neutral icon and colour, never `undefined`.
 */
export function entityLabel(type: string): string {
  return own(ENTITY_LABELS, type) ?? humanize(type);
}

export function entityIcon(type: string): string {
  return own(ENTITY_ICONS, type) ?? 'questionInCircle';
}

export function entityColor(type: string): string {
  return own(ENTITY_COLORS, type) ?? THEME.line;
}

function own(map: Record<GraphNodeType, string>, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key as GraphNodeType] : undefined;
}

function humanize(type: string): string {
  const words = String(type).replace(/[_.-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : i18n.translate('siemInvestigations.entity.unknown', { defaultMessage: 'Entity' });
}
