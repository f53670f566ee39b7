import { first } from '../flatten';
import { SourceAdapter } from './types';

/**
 * Linux OS syslog as es-loader stores it (SIEM on Amazon OpenSearch Service, `aws.ini` section
 * `[linux-os-syslog]`, `siem/sf_linux_os_syslog.py`): index `log-linux-os`, `syslog_message`,
 * `process.name` = the syslog program (`useradd`, `usermod`, `passwd`, …), `host.hostname`,
 * `cloud.instance.id` from the CloudWatch Logs stream name, `event.module` = system. Lines of
 * `sshd`, `sudo` and `su` are routed to `log-linux-secure` by the same script, so sudo and su are
 * read from the Linux secure source.
 */
export const linuxOs: SourceAdapter = {
  definition: {
    id: 'linux_os',
    label: 'Linux OS syslog',
    indexPattern: 'log-linux-os-*',
    timeField: '@timestamp',
    indexPatternId: 'ee2256c0-1b7a-11eb-a71f-fde35cddfd48',
    columns: ['@timestamp', 'process.name', 'host.hostname', 'cloud.instance.id', 'syslog_message'],
  },
  attachmentType: 'event',
  title: (doc) => first(doc, 'syslog_message', 'process.name'),
};
