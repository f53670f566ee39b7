import React from 'react';
import { EuiButton, EuiCallOut } from '@elastic/eui';
import { i18n } from '@osd/i18n';

/** Shown after a save was refused because the case changed meanwhile (409). */
export function CaseConflictCallout({ loading, onReload }: { loading: boolean; onReload(): void }) {
  return (
    <EuiCallOut color="warning" iconType="alert" title={i18n.translate('siemInvestigations.cases.caseConflictCallout.someoneElseChangedThis', { defaultMessage: 'Someone else changed this case' })} data-test-subj="caseConflict">
      <p>
        {i18n.translate('siemInvestigations.cases.caseConflictCallout.yourChangeWasNot', { defaultMessage: 'Your change was not saved: the case was changed after you opened it. Reload to see the latest version; what you typed is kept and shown on top of it, so you can review it and save again.' })}</p>
      <EuiButton size="s" color="warning" iconType="refresh" isLoading={loading} onClick={onReload} data-test-subj="caseConflictReload">
        {i18n.translate('siemInvestigations.cases.caseConflictCallout.reload', { defaultMessage: 'Reload' })}</EuiButton>
    </EuiCallOut>
  );
}
