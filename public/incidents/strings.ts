import { i18n } from '@osd/i18n';

const t = (key: string, defaultMessage: string, values?: Record<string, string | number>) =>
  i18n.translate(`siemInvestigations.incidents.${key}`, { defaultMessage, ...(values ? { values } : {}) });

/** The Incidents view's words (issue 16: every user-facing string through @osd/i18n). */
export const INCIDENT_STRINGS = {
  pageTitle: () => t('pageTitle', 'Incidents'),
  tabIncidents: () => t('tab.incidents', 'Incidents'),
  tabFindings: () => t('tab.findings', 'Findings'),
  pageDescription: () =>
    t('pageDescription', "GuardDuty findings that share an access key, a principal, an instance, an attacker's address, a bucket or a cluster, grouped into one incident."),
  cases: () => t('casesButton', 'Cases'),
  windowLabel: () => t('window.label', 'Group findings active within'),
  windowDefault: () => t('window.default', 'Default (server setting)'),
  windowAria: () => t('window.aria', 'Sliding window that groups findings'),
  count: (incidents: number, findings: number, window: string, ms: number) =>
    t('count', '{incidents, plural, one {# incident} other {# incidents}} from {findings, plural, one {# finding} other {# findings}} (window {window}; {ms} ms)', { incidents, findings, window, ms }),
  loadError: () => t('loadError', 'Incidents could not be loaded'),
  requestError: () => t('requestError', 'Could not load incidents'),
  noneTitle: () => t('none.title', 'No incidents'),
  noneBody: () => t('none.body', 'No GuardDuty finding in the selected time range. Widen the time range.'),
  loading: () => t('loading', 'Grouping findings…'),
  facts: (findings: number) => t('card.findings', '{findings, plural, one {# finding} other {# findings}}', { findings }),
  signals: (signals: number) => t('card.signals', '{signals, plural, one {# signal} other {# signals}}', { signals }),
  account: (accounts: string) => t('card.account', 'account {accounts}', { accounts }),
  membersCaption: () => t('card.membersCaption', 'Member findings'),
  signalsCaption: () => t('card.signalsCaption', 'Signals of the attack sequence'),
  colSeverity: () => t('col.severity', 'Severity'),
  colFinding: () => t('col.finding', 'Finding'),
  colTitle: () => t('col.title', 'Title'),
  colLastSeen: () => t('col.lastSeen', 'Last seen'),
  colFirstSeen: () => t('col.firstSeen', 'First seen'),
  colCount: () => t('col.count', 'Count'),
  colSignal: () => t('col.signal', 'Signal'),
  colName: () => t('col.name', 'Name'),
  colDescription: () => t('col.description', 'Description'),
  moreMembers: (n: number) => t('card.moreMembers', '…and {n, plural, one {# more finding} other {# more findings}}', { n }),
  investigate: () => t('card.investigate', 'Investigate incident'),
  createCase: () => t('card.createCase', 'Create case from incident'),
  caseCreated: () => t('card.caseCreated', 'Case created'),
  caseExisted: () => t('card.caseExisted', 'This incident is in a case already'),
  attached: (n: number) => t('card.attached', '{n, plural, one {# finding} other {# findings}} attached.', { n }),
  alreadyAttached: (n: number) => t('card.alreadyAttached', '{n, plural, one {# finding} other {# findings}} already in the case (not attached again).', { n }),
  openCase: () => t('card.openCase', 'Open the case'),
  caseError: () => t('card.caseError', 'The case could not be created'),
  caseRetry: () => t('card.caseRetry', 'Trying again will not attach anything twice.'),
  seenIn: (count: number) => t('seenIn', 'Seen in {count, plural, one {# case} other {# cases}}', { count }),
  seenInClosed: (count: number, reason: string) =>
    t('seenInClosed', 'Seen in {count, plural, one {# case} other {# cases}} (last closed as {reason})', { count, reason }),
  closed: () => t('closed', 'closed'),
  membersCallout: (n: number) => t('membersCallout', 'An incident of {n} findings, investigated together', { n }),
};
