import { first } from '../flatten';
import { SourceAdapter } from './types';

/**
 * Windows event logs as es-loader stores them (SIEM on Amazon OpenSearch Service, `aws.ini` section
 * `[windows-event]`, `siem/fileformat_winevtxml.py`, `siem/sf_windows_event.py`): index
 * `log-win-event`, the event XML as `Event.System.*` and `Event.EventData.Data.<Name>`,
 * `@timestamp` from `Event.System.TimeCreated.SystemTime`, `event.code` = EventID, `event.action`
 * and `event.outcome` from the SIEM's event-id table (4624 logon/success, 4625 logon-failed/failure),
 * `source.ip` = IpAddress, `cloud.instance.id` from the CloudWatch Logs stream name. ECS `user.name`
 * takes the *subject* user first (the machine account on an RDP logon), so the account that logged
 * on is read from `Event.EventData.Data.TargetUserName`.
 */
export const windowsEvent: SourceAdapter = {
  definition: {
    id: 'windows_event',
    label: 'Windows event log',
    indexPattern: 'log-win-event-*',
    timeField: '@timestamp',
    indexPatternId: 'fec0f2b0-f1b3-11eb-8e7f-63b315dab53e',
    columns: [
      '@timestamp',
      'event.code',
      'event.action',
      'event.outcome',
      'Event.EventData.Data.TargetUserName',
      'Event.EventData.Data.LogonType',
      'source.ip',
      'host.name',
      'cloud.instance.id',
    ],
  },
  attachmentType: 'event',
  title(doc) {
    const code = first(doc, 'event.code');
    if (!code) return undefined;
    const action = first(doc, 'event.action');
    const user = first(doc, 'Event.EventData.Data.TargetUserName', 'user.name');
    const ip = first(doc, 'source.ip');
    return `Windows event ${code}${action ? ` ${action}` : ''}${user ? ` ${user}` : ''}${ip ? ` from ${ip}` : ''}`;
  },
};
