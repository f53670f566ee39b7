import { SourceId } from '../../common/types';
import { cloudtrailServer } from './cloudtrail';
import { guarddutyServer } from './guardduty';
import { linuxSecureServer } from './linux_secure';
import { securityhubServer } from './securityhub';
import { ServerSourceAdapter } from './types';

export type { ServerSourceAdapter, TimelineDescription, TimelineRun } from './types';

/** The server half of every source adapter (the browser-safe half: common/sources). */
export const SERVER_SOURCES: Record<SourceId, ServerSourceAdapter> = {
  guardduty: guarddutyServer,
  cloudtrail: cloudtrailServer,
  linux_secure: linuxSecureServer,
  securityhub: securityhubServer,
};
