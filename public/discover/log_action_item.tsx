import React from 'react';
import { EuiCallOut, EuiPanel } from '@elastic/eui';
import { CasePicker } from '../add_to_case/case_picker';
import { NoCasePermission } from '../add_to_case/no_case_permission';
import { canSaveCases } from '../shared/capabilities';
import { attachmentTypeOf } from '../../common/sources';
import { suggestedCaseTitle } from '../shared/document_fields';
import { useAppServices } from '../services/app_services';
import { LogActionItemProps } from '../types';
import { refOfLogContext, sourceOfLogContext } from './document_of';
import { i18n } from '@osd/i18n';

/** Explore's "Add to case" row action: the case picker for the row's document. */
export function LogActionItem({ context, onClose, onResult }: LogActionItemProps) {
  const { core, sources } = useAppServices();
  const source = sourceOfLogContext(context, sources);
  const ref = refOfLogContext(context);
  if (!canSaveCases(core)) {
    return (
      <EuiPanel paddingSize="m" style={{ maxWidth: 420 }} data-test-subj="siemLogActionReadOnly">
        <NoCasePermission />
      </EuiPanel>
    );
  }
  if (!ref) {
    return (
      <EuiPanel paddingSize="m" style={{ maxWidth: 420 }} data-test-subj="siemLogActionNoRef">
        <EuiCallOut size="s" color="warning" iconType="iInCircle" title={i18n.translate('siemInvestigations.discover.logActionItem.thisRowDoesNot', { defaultMessage: 'This row does not say which stored document it is' })}>
          <p>{i18n.translate('siemInvestigations.discover.logActionItem.discoverPassedTheRow', { defaultMessage: 'Discover passed the row’s fields without its index and id. Open the document’s details and use its Investigations tab to add it to a case.' })}</p>
        </EuiCallOut>
      </EuiPanel>
    );
  }
  return (
    <EuiPanel paddingSize="m" style={{ width: 440 }} data-test-subj="siemLogAction">
      <CasePicker
        attachment={{ type: attachmentTypeOf(source), ref }}
        suggestedTitle={suggestedCaseTitle(context.document, source, ref)}
        onAdded={(c) => {
          onResult?.({ success: true, data: { caseId: c.id } });
          onClose();
        }}
        onCancel={onClose}
      />
    </EuiPanel>
  );
}
