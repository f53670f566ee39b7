import React from 'react';
import { EuiLink } from '@elastic/eui';
import { AddAttachmentRequest, Case, CaseSeverity } from '../../common/case_types';
import { APP_ID } from '../../common/constants';
import { renderRoot } from '../render_root';
import { casePath } from '../routes';
import { CoreStart } from '../types';
import { InvestigationsApi } from './api_client';
import { errorMessage } from './http_error';
import { observablesNotRecordedText, observablesNotRecordedTitle } from '../shared/observables_not_recorded';
import { i18n } from '@osd/i18n';

/** Where "Add to case" puts a document: a case made for it, or one that exists. */
export type CaseTarget = { kind: 'new'; title: string; severity?: CaseSeverity; templateId?: string | null } | { kind: 'existing'; id: string; title: string };

/**
 * Attaches the document to the target case (creating it first if new) and tells the user, with a
 * link to the case. Failures become a toast with the server's message; the promise then resolves
 * to `null`.
 */
export async function addToCase(api: InvestigationsApi, core: CoreStart, target: CaseTarget, attachment: AddAttachmentRequest): Promise<Case | null> {
  let created: Case | undefined;
  try {
    let caseId: string;
    if (target.kind === 'new') {
      created = await api.createCase({
        title: target.title,
        ...(target.severity ? { severity: target.severity } : {}),
        ...(target.templateId !== undefined ? { templateId: target.templateId } : {}),
      });
      caseId = created.id;
    } else caseId = target.id;
    const updated = await api.addAttachment(caseId, attachment);
    core.notifications.toasts.addSuccess({
      title: i18n.translate('siemInvestigations.services.addToCase.added', { defaultMessage: 'Added to case "{title}"', values: { title: updated.title } }),
      text: caseLinkMountPoint(core, updated),
      'data-test-subj': 'addedToCaseToast',
    });
    if (updated.observablesNotRecorded) {
      core.notifications.toasts.addWarning({ title: observablesNotRecordedTitle(), text: observablesNotRecordedText(updated.observablesNotRecorded), 'data-test-subj': 'observablesNotRecordedToast' });
    }
    return updated;
  } catch (e) {
    core.notifications.toasts.addDanger({
      title: created
        ? i18n.translate('siemInvestigations.services.addToCase.createdNotAttached', { defaultMessage: 'Case "{title}" was created, but the document could not be attached', values: { title: created.title } })
        : i18n.translate('siemInvestigations.services.addToCase.failed', { defaultMessage: 'Could not add to the case' }),
      text: errorMessage(e),
    });
    return null;
  }
}

/** A toast body (MountPoint) with a link to the case, usable from inside Discover too. */
export function caseLinkMountPoint(core: CoreStart, c: Pick<Case, 'id'>) {
  const href = core.application.getUrlForApp(APP_ID, { path: `#${casePath(c.id)}` });
  return (element: HTMLElement) =>
    renderRoot(
      <EuiLink href={href} data-test-subj="addedToCaseLink">
        {i18n.translate('siemInvestigations.services.addToCase.openTheCase', { defaultMessage: 'Open the case' })}</EuiLink>,
      element
    );
}
