/**
 * Types of `@osd/ui-shared-deps/theme`, which OSD provides at run time as a shared module
 * (window.__osdSharedDeps__.Theme, OSD_CONTRACTS.md §7): the OUI variables of the page's theme.
 */
declare module '@osd/ui-shared-deps/theme' {
  /** OUI's theme variables (`eui_theme_*.json`): names to colours, sizes, fonts. */
  type Theme = Record<string, any>;
  /** `v7light`, `v7dark`, `v8light`, … as the page was rendered. */
  export const tag: string;
  export const version: number;
  export const darkMode: boolean;
  export const euiLightVars: Theme;
  export const euiDarkVars: Theme;
  /** The variables of the current theme and mode. */
  export const euiThemeVars: Theme;
}
