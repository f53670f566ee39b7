import { i18n } from '@osd/i18n';

/** The Incidents view's words (issue 16: every user-facing string through @osd/i18n). */
export const INCIDENT_STRINGS = {
  pageTitle: () => i18n.translate('siemInvestigations.incidents.pageTitle', { defaultMessage: 'Incidents' }),
  tabIncidents: () => i18n.translate('siemInvestigations.incidents.tab.incidents', { defaultMessage: 'Incidents' }),
  tabFindings: () => i18n.translate('siemInvestigations.incidents.tab.findings', { defaultMessage: 'Findings' }),
  pageDescription: () =>
    i18n.translate('siemInvestigations.incidents.pageDescription', { defaultMessage: 'GuardDuty findings that share an access key, a principal, an instance, an attacker’s address, a bucket or a cluster, grouped into one incident.' }),
  cases: () => i18n.translate('siemInvestigations.incidents.casesButton', { defaultMessage: 'Cases' }),
  windowLabel: () => i18n.translate('siemInvestigations.incidents.window.label', { defaultMessage: 'Group findings active within' }),
  windowDefault: () => i18n.translate('siemInvestigations.incidents.window.default', { defaultMessage: 'Default (server setting)' }),
  windowAria: () => i18n.translate('siemInvestigations.incidents.window.aria', { defaultMessage: 'Sliding window that groups findings' }),
  count: (incidents: number, findings: number, window: string, ms: number) =>
    i18n.translate('siemInvestigations.incidents.count', { defaultMessage: '{incidents, plural, one {# incident} other {# incidents}} from {findings, plural, one {# finding} other {# findings}} (window {window}; {ms} ms)', values: { incidents, findings, window, ms } }),
  loadError: () => i18n.translate('siemInvestigations.incidents.loadError', { defaultMessage: 'Incidents could not be loaded' }),
  requestError: () => i18n.translate('siemInvestigations.incidents.requestError', { defaultMessage: 'Could not load incidents' }),
  noneTitle: () => i18n.translate('siemInvestigations.incidents.none.title', { defaultMessage: 'No incidents' }),
  noneBody: () => i18n.translate('siemInvestigations.incidents.none.body', { defaultMessage: 'No GuardDuty finding in the selected time range. Widen the time range.' }),
  loading: () => i18n.translate('siemInvestigations.incidents.loading', { defaultMessage: 'Grouping findings…' }),
  facts: (findings: number) => i18n.translate('siemInvestigations.incidents.card.findings', { defaultMessage: '{findings, plural, one {# finding} other {# findings}}', values: { findings } }),
  signals: (signals: number) => i18n.translate('siemInvestigations.incidents.card.signals', { defaultMessage: '{signals, plural, one {# signal} other {# signals}}', values: { signals } }),
  account: (accounts: string) => i18n.translate('siemInvestigations.incidents.card.account', { defaultMessage: 'account {accounts}', values: { accounts } }),
  membersCaption: () => i18n.translate('siemInvestigations.incidents.card.membersCaption', { defaultMessage: 'Member findings' }),
  signalsCaption: () => i18n.translate('siemInvestigations.incidents.card.signalsCaption', { defaultMessage: 'Signals of the attack sequence' }),
  colSeverity: () => i18n.translate('siemInvestigations.incidents.col.severity', { defaultMessage: 'Severity' }),
  colFinding: () => i18n.translate('siemInvestigations.incidents.col.finding', { defaultMessage: 'Finding' }),
  colTitle: () => i18n.translate('siemInvestigations.incidents.col.title', { defaultMessage: 'Title' }),
  colLastSeen: () => i18n.translate('siemInvestigations.incidents.col.lastSeen', { defaultMessage: 'Last seen' }),
  colFirstSeen: () => i18n.translate('siemInvestigations.incidents.col.firstSeen', { defaultMessage: 'First seen' }),
  colFindings: () => i18n.translate('siemInvestigations.incidents.col.findings', { defaultMessage: 'Findings' }),
  showTypeFindings: (n: number, type: string) =>
    i18n.translate('siemInvestigations.incidents.card.showTypeFindings', { defaultMessage: 'Show the {n, plural, one {# finding} other {# findings}} of type {type}', values: { n, type } }),
  hideTypeFindings: (n: number, type: string) =>
    i18n.translate('siemInvestigations.incidents.card.hideTypeFindings', { defaultMessage: 'Hide the {n, plural, one {# finding} other {# findings}} of type {type}', values: { n, type } }),
  typeFindingsCaption: (type: string) => i18n.translate('siemInvestigations.incidents.card.typeFindingsCaption', { defaultMessage: 'Findings of type {type}', values: { type } }),
  colCount: () => i18n.translate('siemInvestigations.incidents.col.count', { defaultMessage: 'Count' }),
  colSignal: () => i18n.translate('siemInvestigations.incidents.col.signal', { defaultMessage: 'Signal' }),
  colName: () => i18n.translate('siemInvestigations.incidents.col.name', { defaultMessage: 'Name' }),
  colDescription: () => i18n.translate('siemInvestigations.incidents.col.description', { defaultMessage: 'Description' }),
  moreSignals: (n: number) => i18n.translate('siemInvestigations.incidents.card.moreSignals', { defaultMessage: '…and {n, plural, one {# more signal} other {# more signals}}', values: { n } }),
  moreMembers: (n: number) => i18n.translate('siemInvestigations.incidents.card.moreMembers', { defaultMessage: '…and {n, plural, one {# more finding} other {# more findings}}', values: { n } }),
  membersBounded: (taken: number, total: number) =>
    i18n.translate('siemInvestigations.incidents.card.membersBounded', {
      defaultMessage: 'Investigating it or creating a case from it takes its {taken, number} most severe findings of {total, number}.',
      values: { taken, total },
    }),
  investigate: () => i18n.translate('siemInvestigations.incidents.card.investigate', { defaultMessage: 'Investigate incident' }),
  createCase: () => i18n.translate('siemInvestigations.incidents.card.createCase', { defaultMessage: 'Create case from incident' }),
  caseCreated: () => i18n.translate('siemInvestigations.incidents.card.caseCreated', { defaultMessage: 'Case created' }),
  caseExisted: () => i18n.translate('siemInvestigations.incidents.card.caseExisted', { defaultMessage: 'This incident is in a case already' }),
  attached: (n: number) => i18n.translate('siemInvestigations.incidents.card.attached', { defaultMessage: '{n, plural, one {# finding} other {# findings}} attached.', values: { n } }),
  alreadyAttached: (n: number) => i18n.translate('siemInvestigations.incidents.card.alreadyAttached', { defaultMessage: '{n, plural, one {# finding} other {# findings}} already in the case (not attached again).', values: { n } }),
  openCase: () => i18n.translate('siemInvestigations.incidents.card.openCase', { defaultMessage: 'Open the case' }),
  caseError: () => i18n.translate('siemInvestigations.incidents.card.caseError', { defaultMessage: 'The case could not be created' }),
  caseRetry: () => i18n.translate('siemInvestigations.incidents.card.caseRetry', { defaultMessage: 'Trying again will not attach anything twice.' }),
  membersCallout: (n: number) => i18n.translate('siemInvestigations.incidents.membersCallout', { defaultMessage: 'An incident of {n} findings, investigated together', values: { n } }),
};
