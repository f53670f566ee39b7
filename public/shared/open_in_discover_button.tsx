import React from 'react';
import { EuiButtonEmpty, EuiButtonIcon, EuiToolTip } from '@elastic/eui';
import { DISCOVER_APP_ID, discoverPathForGroup } from '../../common/discover_url';
import { EvidenceGroup, InvestigationWindow } from '../../common/types';
import { useAppServices } from '../services/app_services';
import { i18n } from '@osd/i18n';

export interface OpenInDiscoverButtonProps {
  group: EvidenceGroup;
  window: InvestigationWindow;
  /** An icon only, for places where space is short (story sentences). */
  iconOnly?: boolean;
}

/** Opens the group's exact query, index pattern and time range in Discover, in a new tab. */
export function OpenInDiscoverButton({ group, window, iconOnly }: OpenInDiscoverButtonProps) {
  const { core, sources } = useAppServices();
  const href = core.application.getUrlForApp(DISCOVER_APP_ID, { path: discoverPathForGroup(group, window, sources) });
  const common = {
    href,
    target: '_blank',
    rel: 'noopener noreferrer',
    'data-test-subj': 'openInDiscover',
    'data-evidence-group': group.id,
  };
  if (iconOnly) {
    return (
      <EuiToolTip content={i18n.translate('siemInvestigations.shared.openInDiscover.group', { defaultMessage: 'Open "{title}" in Discover', values: { title: group.title } })}>
        <EuiButtonIcon iconType="discoverApp" aria-label={i18n.translate('siemInvestigations.shared.openInDiscover.group', { defaultMessage: 'Open "{title}" in Discover', values: { title: group.title } })} {...common} />
      </EuiToolTip>
    );
  }
  return (
    <EuiButtonEmpty size="s" iconType="discoverApp" {...common}>
      {i18n.translate('siemInvestigations.shared.openInDiscoverButton.openInDiscover', { defaultMessage: 'Open in Discover' })}</EuiButtonEmpty>
  );
}
