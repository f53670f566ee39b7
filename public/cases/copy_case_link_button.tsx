import React from 'react';
import { EuiButton } from '@elastic/eui';
import { useTenant } from '../shared/use_tenant';
import { copyText } from '../shared/clipboard';
import { caseShareUrl } from './share_link';
import { useAppServices } from '../services/app_services';
import { i18n } from '@osd/i18n';

/**
 * Copies the case's absolute URL by id (exact even if an import brought a second case with the
 * same number; `#/cases/SIR-12` opens the case too) (with `security_tenant` under multi-tenancy) to the clipboard. */
export function CopyCaseLinkButton({ caseId, reference }: { caseId: string; reference?: string }) {
  const { core } = useAppServices();
  const tenant = useTenant();
  const url = tenant === undefined ? undefined : caseShareUrl(core.application, caseId, tenant);
  const copy = async () => {
    if (!url) return;
    if (await copyText(url)) core.notifications.toasts.addSuccess({ title: reference ? i18n.translate('siemInvestigations.cases.copyLink.copiedReference', { defaultMessage: 'Link to {reference} copied', values: { reference } }) : i18n.translate('siemInvestigations.cases.copyCaseLinkButton.linkToTheCase', { defaultMessage: 'Link to the case copied' }), text: url, 'data-test-subj': 'caseLinkCopiedToast' });
    else core.notifications.toasts.addWarning({ title: i18n.translate('siemInvestigations.cases.copyCaseLinkButton.couldNotCopyThe', { defaultMessage: 'Could not copy the link; copy it from here' }), text: url });
  };
  return (
    <EuiButton size="s" iconType="link" isLoading={tenant === undefined} onClick={copy} data-share-url={url} data-test-subj="copyCaseLink">
      {i18n.translate('siemInvestigations.cases.copyCaseLinkButton.copyLink', { defaultMessage: 'Copy link' })}</EuiButton>
  );
}
