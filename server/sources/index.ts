import { SourceId } from '../../common/types';
import { cloudtrailServer } from './cloudtrail';
import { configServer } from './config';
import { elbServer } from './elb';
import { guarddutyServer } from './guardduty';
import { linuxOsServer } from './linux_os';
import { linuxSecureServer } from './linux_secure';
import { networkfirewallServer } from './networkfirewall';
import { r53resolverServer } from './r53resolver';
import { s3accesslogServer } from './s3accesslog';
import { securityhubServer } from './securityhub';
import { vpcflowlogsServer } from './vpcflowlogs';
import { wafServer } from './waf';
import { windowsEventServer } from './windows_event';
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
  s3accesslog: s3accesslogServer,
  windows_event: windowsEventServer,
  linux_os: linuxOsServer,
  waf: wafServer,
  elb: elbServer,
  networkfirewall: networkfirewallServer,
  config: configServer,
};
