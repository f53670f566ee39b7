import { SourceId } from '../../common/types';
import { cloudtrailServer } from './cloudtrail';
import { guarddutyServer } from './guardduty';
import { linuxSecureServer } from './linux_secure';
import { r53resolverServer } from './r53resolver';
import { securityhubServer } from './securityhub';
import { vpcflowlogsServer } from './vpcflowlogs';
import { ServerSourceAdapter } from './types';

export type { ServerSourceAdapter, TimelineDescription, TimelineRun } from './types';

/** The server half of every source adapter (the browser-safe half: common/sources). */
export const SERVER_SOURCES: Record<SourceId, ServerSourceAdapter> = {
  guardduty: guarddutyServer,
  cloudtrail: cloudtrailServer,
  linux_secure: linuxSecureServer,
  securityhub: securityhubServer,
  vpcflowlogs: vpcflowlogsServer,
  r53resolver: r53resolverServer,
};
