import React from 'react';
import { EuiButton, EuiEmptyPrompt, EuiPage, EuiPageBody } from '@elastic/eui';
import { APP_ID } from '../../common/constants';
import { useBreadcrumbs } from '../hooks/use_breadcrumbs';
import { useAppServices } from '../services/app_services';

/** Stands in for the cases pages (`#/cases`, `#/cases/{id}`, `#/add`) until the cases feature lands. */
export function CasesPlaceholder() {
  const { core } = useAppServices();
  useBreadcrumbs([{ text: 'Cases' }]);
  return (
    <EuiPage>
      <EuiPageBody>
        <EuiEmptyPrompt
          iconType="folderCheck"
          title={<h2>Cases — coming with the cases feature</h2>}
          body={<p>Cases will keep findings and pinned evidence together with notes, status and an activity log.</p>}
          actions={
            <EuiButton fill href={core.application.getUrlForApp(APP_ID, { path: '#/' })}>
              Back to findings
            </EuiButton>
          }
        />
      </EuiPageBody>
    </EuiPage>
  );
}
