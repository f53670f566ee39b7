import React from 'react';
import { EuiButtonEmpty, EuiButtonIcon, EuiToolTip } from '@elastic/eui';
import { DISCOVER_APP_ID, discoverPathForGroup } from '../../common/discover_url';
import { EvidenceGroup, InvestigationWindow } from '../../common/types';
import { useAppServices } from '../services/app_services';

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
      <EuiToolTip content={`Open "${group.title}" in Discover`}>
        <EuiButtonIcon iconType="discoverApp" aria-label={`Open "${group.title}" in Discover`} {...common} />
      </EuiToolTip>
    );
  }
  return (
    <EuiButtonEmpty size="s" iconType="discoverApp" {...common}>
      Open in Discover
    </EuiButtonEmpty>
  );
}
