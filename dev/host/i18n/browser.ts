/** `@osd/i18n`'s browser entry (no file loader): what `__osdSharedDeps__.OsdI18n` holds in the dev host page. */
export { i18n } from './core';
export type { Translation, TranslateArguments, Formats } from './core';
