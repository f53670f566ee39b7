import React from 'react';
import { EuiCallOut } from '@elastic/eui';
import { i18n } from '@osd/i18n';

/** Shown where "Add to case" would be, for a user who may read cases but not change them. */
export function NoCasePermission({ size = 's' }: { size?: 's' | 'm' }) {
  return (
    <EuiCallOut size={size} color="warning" iconType="lock" title={i18n.translate('siemInvestigations.addToCase.noCasePermission.youCannotAddTo', { defaultMessage: 'You cannot add to cases' })} data-test-subj="noCasePermission">
      <p>{i18n.translate('siemInvestigations.addToCase.noCasePermission.yourRoleLetsYou', { defaultMessage: 'Your role lets you read cases, not create or change them. Ask an administrator for write access to Investigations.' })}</p>
    </EuiCallOut>
  );
}
