import React from 'react';
import { EuiButton, EuiFlexGroup, EuiFlexItem, EuiHorizontalRule, EuiPanel, EuiSpacer, EuiText, EuiTextColor, EuiTitle } from '@elastic/eui';
import { Investigation } from '../../common/types';
import { fieldText, formatTime, plural } from '../shared/format';
import { HeaderFact as Fact } from './header_fact';
import { SeverityBadge } from '../shared/severity_badge';
import { WindowControls } from './window_controls';

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
              Add to case
            </EuiButton>
          </EuiFlexItem>
        )}
      </EuiFlexGroup>
      <EuiSpacer size="s" />
      <EuiTitle size="m">
        <h1 data-test-subj="findingTitle">{f.title}</h1>
      </EuiTitle>
      <EuiSpacer size="m" />
      <EuiFlexGroup gutterSize="l" wrap responsive={false}>
        <Fact label="Account" value={fieldText(f.accountId)} />
        <Fact label="Region" value={fieldText(f.region)} />
        <Fact label="Resource" value={fieldText(f.resourceType)} />
        <Fact label="First seen (UTC)" value={formatTime(f.firstSeen ?? f.timestamp)} />
        <Fact label="Last seen (UTC)" value={formatTime(f.lastSeen ?? f.timestamp)} />
        <Fact label="Seen" value={plural(f.count, 'time')} />
      </EuiFlexGroup>
      <EuiHorizontalRule margin="m" />
      <EuiFlexGroup gutterSize="m" alignItems="center" justifyContent="spaceBetween" wrap>
        <EuiFlexItem grow={false}>
          <EuiText size="s" data-test-subj="investigationWindow">
            Evidence window <strong>{formatTime(w.from)}</strong> → <strong>{formatTime(w.to, true)}</strong>
            <EuiTextColor color="subdued">
              <small>{` · ${investigation.took.ms} ms, ${plural(investigation.took.roundTrips, 'round trip')}`}</small>
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
