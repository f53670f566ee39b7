import React from 'react';
import { EuiButton, EuiEmptyPrompt } from '@elastic/eui';
import { APP_ID } from '../../common/constants';
import { useAppServices } from '../services/app_services';
import { i18n } from '@osd/i18n';
import { FormattedMessage } from '@osd/i18n/react';

/** 404 and 403 look alike on purpose: a case one may not read is not confirmed to exist. */
export function CaseNotFound({ caseId }: { caseId: string }) {
  const { core } = useAppServices();
  return (
    <EuiEmptyPrompt
      iconType="folderExclamation"
      title={<h2>{i18n.translate('siemInvestigations.cases.caseNotFound.caseNotFoundOr', { defaultMessage: 'Case not found or you have no access' })}</h2>}
      body={
        <>
          <p>
            <FormattedMessage
              id="siemInvestigations.cases.notFound.body"
              defaultMessage="There is no case {caseId} that you can read here. It may have been deleted, it may belong to another tenant, or your role may not include it."
              values={{ caseId: <code>{caseId}</code> }}
            />
          </p>
          <p>{i18n.translate('siemInvestigations.cases.caseNotFound.ifSomeoneSharedThis', { defaultMessage: 'If someone shared this link with you, ask them which tenant the case is in.' })}</p>
        </>
      }
      actions={
        <EuiButton fill href={core.application.getUrlForApp(APP_ID, { path: '#/cases' })}>
          {i18n.translate('siemInvestigations.cases.caseNotFound.goToCases', { defaultMessage: 'Go to cases' })}</EuiButton>
      }
      data-test-subj="caseNotFound"
    />
  );
}
