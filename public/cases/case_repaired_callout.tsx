import React from 'react';
import { EuiCallOut, EuiSpacer } from '@elastic/eui';
import { i18n } from '@osd/i18n';

/** A case damaged by an import or a hand edit opens anyway; this says what reading it had to repair or leave out. */
export function CaseRepairedCallout({ repaired }: { repaired?: string[] }) {
  if (!repaired?.length) return null;
  return (
    <>
      <EuiCallOut size="s" color="warning" iconType="wrench" title={i18n.translate('siemInvestigations.cases.caseRepairedCallout.partsOfThisCase', { defaultMessage: 'Parts of this case were damaged and have been repaired' })} data-test-subj="caseRepairedCallout">
        <ul style={{ margin: 0 }}>
          {repaired.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
        <p>{i18n.translate('siemInvestigations.cases.caseRepairedCallout.everythingReadableIsShown', { defaultMessage: 'Everything readable is shown; the next change saves the repaired case.' })}</p>
      </EuiCallOut>
      <EuiSpacer size="m" />
    </>
  );
}
