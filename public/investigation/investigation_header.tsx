import React from 'react';
import { EuiButton, EuiFlexGroup, EuiFlexItem, EuiHorizontalRule, EuiPanel, EuiSpacer, EuiText, EuiTextColor, EuiTitle } from '@elastic/eui';
import { Investigation } from '../../common/types';
import { fieldText, formatTime } from '../shared/format';
import { HeaderFact as Fact } from './header_fact';
import { SeverityBadge } from '../shared/severity_badge';
import { WindowControls } from './window_controls';
import { i18n } from '@osd/i18n';
import { FormattedMessage } from '@osd/i18n/react';

export interface InvestigationHeaderProps {
  investigation: Investigation;
  before: string;
  after: string;
  loading: boolean;
  onWindowChange(window: { before: string; after: string }): void;
  /** Without it (the user may not change cases), no "Add to case" button. */
  onAddToCase?(): void;
}

export function InvestigationHeader({ investigation, before, after, loading, onWindowChange, onAddToCase }: InvestigationHeaderProps) {
  const f = investigation.finding;
  const w = investigation.window;
  return (
    <EuiPanel paddingSize="l" data-test-subj="investigationHeader">
      <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false} wrap>
        <EuiFlexItem grow={false}>
          <SeverityBadge label={f.severityLabel} score={f.severity} />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiText size="s" color="subdued" data-test-subj="findingType">
            <code>{f.type}</code>
          </EuiText>
        </EuiFlexItem>
        <EuiFlexItem />
        {onAddToCase && (
          <EuiFlexItem grow={false}>
            <EuiButton size="s" iconType="folderCheck" onClick={onAddToCase} data-test-subj="addFindingToCase">
              {i18n.translate('siemInvestigations.investigation.investigationHeader.addToCase', { defaultMessage: 'Add to case' })}</EuiButton>
          </EuiFlexItem>
        )}
      </EuiFlexGroup>
      <EuiSpacer size="s" />
      <EuiTitle size="m">
        <h1 data-test-subj="findingTitle">{f.title}</h1>
      </EuiTitle>
      <EuiSpacer size="m" />
      <EuiFlexGroup gutterSize="l" wrap responsive={false}>
        <Fact label={i18n.translate('siemInvestigations.investigation.investigationHeader.account', { defaultMessage: 'Account' })} value={fieldText(f.accountId)} />
        <Fact label={i18n.translate('siemInvestigations.investigation.investigationHeader.region', { defaultMessage: 'Region' })} value={fieldText(f.region)} />
        <Fact label={i18n.translate('siemInvestigations.investigation.investigationHeader.resource', { defaultMessage: 'Resource' })} value={fieldText(f.resourceType)} />
        <Fact label={i18n.translate('siemInvestigations.investigation.investigationHeader.firstSeenUTC', { defaultMessage: 'First seen (UTC)' })} value={formatTime(f.firstSeen ?? f.timestamp)} />
        <Fact label={i18n.translate('siemInvestigations.investigation.investigationHeader.lastSeenUTC', { defaultMessage: 'Last seen (UTC)' })} value={formatTime(f.lastSeen ?? f.timestamp)} />
        <Fact label={i18n.translate('siemInvestigations.investigation.investigationHeader.seen', { defaultMessage: 'Seen' })} value={i18n.translate('siemInvestigations.investigation.header.seenTimes', { defaultMessage: '{count, plural, one {# time} other {# times}}', values: { count: f.count } })} />
      </EuiFlexGroup>
      <EuiHorizontalRule margin="m" />
      <EuiFlexGroup gutterSize="m" alignItems="center" justifyContent="spaceBetween" wrap>
        <EuiFlexItem grow={false}>
          <EuiText size="s" data-test-subj="investigationWindow">
            <FormattedMessage
              id="siemInvestigations.investigation.header.window"
              defaultMessage="Evidence window {from} → {to}"
              values={{ from: <strong>{formatTime(w.from)}</strong>, to: <strong>{formatTime(w.to, true)}</strong> }}
            />
            <EuiTextColor color="subdued">
              <small>{i18n.translate('siemInvestigations.investigation.header.took', { defaultMessage: ' · {ms, number} ms, {roundTrips, plural, one {# round trip} other {# round trips}}', values: { ms: investigation.took.ms, roundTrips: investigation.took.roundTrips } })}</small>
            </EuiTextColor>
          </EuiText>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <WindowControls key={`${before}|${after}`} before={before} after={after} loading={loading} onApply={onWindowChange} />
        </EuiFlexItem>
      </EuiFlexGroup>
    </EuiPanel>
  );
}
