import React from 'react';
import { EuiButton, EuiEmptyPrompt } from '@elastic/eui';
import { APP_ID } from '../../common/constants';
import { useAppServices } from '../services/app_services';

/** 404 and 403 look alike on purpose: a case one may not read is not confirmed to exist. */
export function CaseNotFound({ caseId }: { caseId: string }) {
  const { core } = useAppServices();
  return (
    <EuiEmptyPrompt
      iconType="folderExclamation"
      title={<h2>Case not found or you have no access</h2>}
      body={
        <>
          <p>
            There is no case <code>{caseId}</code> that you can read here. It may have been deleted, it may belong to another tenant, or your role may not include it.
          </p>
          <p>If someone shared this link with you, ask them which tenant the case is in.</p>
        </>
      }
      actions={
        <EuiButton fill href={core.application.getUrlForApp(APP_ID, { path: '#/cases' })}>
          Go to cases
        </EuiButton>
      }
      data-test-subj="caseNotFound"
    />
  );
}
