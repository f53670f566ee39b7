import React, { useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { EuiButton, EuiCallOut, EuiEmptyPrompt, EuiFlexGroup, EuiFlexItem, EuiLoadingContent, EuiPage, EuiPageBody, EuiPageHeader, EuiPanel, EuiSpacer } from '@elastic/eui';
import { Case } from '../../common/case_types';
import { APP_ID } from '../../common/constants';
import { DocumentResponse } from '../../common/types';
import { CasePicker } from './case_picker';
import { DocumentSummary } from '../shared/document_summary';
import { NoCasePermission } from './no_case_permission';
import { SectionTitle } from '../shared/section_title';
import { useBreadcrumbs } from '../shared/use_breadcrumbs';
import { useCanSaveCases } from '../shared/capabilities';
import { attachmentTypeOf } from '../../common/sources';
import { suggestedCaseTitle } from '../shared/document_fields';
import { casePath, investigatePath } from '../routes';
import { useAppServices } from '../services/app_services';
import { errorMessage, errorStatus, isAbortError } from '../services/http_error';
import { i18n } from '@osd/i18n';
import { FormattedMessage } from '@osd/i18n/react';

type Load = { state: 'loading' } | { state: 'loaded'; doc: DocumentResponse } | { state: 'missing'; message: string } | { state: 'failed'; message: string };

/** `#/add?index=…&id=…`, the target of Discover's "Add to case" link: the document, then a case. */
export function AddToCasePage() {
  const { api, core } = useAppServices();
  const params = new URLSearchParams(useLocation().search);
  const index = params.get('index') ?? '';
  const id = params.get('id') ?? '';
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [added, setAdded] = useState<Case | null>(null);
  const canSave = useCanSaveCases();
  useBreadcrumbs([{ text: i18n.translate('siemInvestigations.addToCase.addToCasePage.cases', { defaultMessage: 'Cases' }), path: '/cases' }, { text: i18n.translate('siemInvestigations.addToCase.addToCasePage.addToCase', { defaultMessage: 'Add to case' }) }]);

  useEffect(() => {
    if (!index || !id) return;
    const controller = new AbortController();
    setLoad({ state: 'loading' });
    api.document({ index, id }, controller.signal).then(
      (doc) => setLoad({ state: 'loaded', doc }),
      (e) => {
        if (controller.signal.aborted || isAbortError(e)) return;
        const status = errorStatus(e);
        setLoad(status === 404 || status === 403 ? { state: 'missing', message: errorMessage(e) } : { state: 'failed', message: errorMessage(e) });
      }
    );
    return () => controller.abort();
  }, [api, index, id]);

  const url = (path: string) => core.application.getUrlForApp(APP_ID, { path: `#${path}` });
  let body: React.ReactNode;
  if (!index || !id) {
    body = (
      <EuiEmptyPrompt
        iconType="help"
        title={<h2>{i18n.translate('siemInvestigations.addToCase.addToCasePage.noDocumentNamed', { defaultMessage: 'No document named' })}</h2>}
        body={<p>{i18n.translate('siemInvestigations.addToCase.addToCasePage.thisLinkShouldName', { defaultMessage: 'This link should name a document with `index` and `id`, as Discover’s “Add to case” link does.' })}</p>}
        data-test-subj="addToCaseNoDocument"
      />
    );
  } else if (load.state === 'loading') {
    body = (
      <EuiPanel paddingSize="l">
        <EuiLoadingContent lines={5} />
      </EuiPanel>
    );
  } else if (load.state === 'missing' || load.state === 'failed') {
    const missing = load.state === 'missing';
    body = (
      <EuiEmptyPrompt
        iconType={missing ? 'questionInCircle' : 'alert'}
        color={missing ? undefined : 'danger'}
        title={<h2>{missing ? i18n.translate('siemInvestigations.addToCase.page.notFoundTitle', { defaultMessage: 'Document not found' }) : i18n.translate('siemInvestigations.addToCase.page.readFailedTitle', { defaultMessage: 'The document could not be read' })}</h2>}
        body={
          <>
            <p>
              {missing ? (
                <FormattedMessage
                  id="siemInvestigations.addToCase.page.notFoundBody"
                  defaultMessage="There is no document {id} in {index} that you can read. It may have aged out of the logs, or the link may be wrong. Nothing was added to a case."
                  values={{ id: <code>{id}</code>, index: <code>{index}</code> }}
                />
              ) : (
                <FormattedMessage
                  id="siemInvestigations.addToCase.page.readFailedBody"
                  defaultMessage="Reading document {id} in {index} failed. Nothing was added to a case."
                  values={{ id: <code>{id}</code>, index: <code>{index}</code> }}
                />
              )}
            </p>
            <p>{load.message}</p>
          </>
        }
        data-test-subj={missing ? 'addToCaseNotFound' : 'addToCaseError'}
      />
    );
  } else {
    const { doc } = load;
    body = (
      <EuiFlexGroup gutterSize="m" alignItems="flexStart">
        <EuiFlexItem grow={3} style={{ minWidth: 0 }}>
          <EuiPanel paddingSize="l">
            <SectionTitle>{i18n.translate('siemInvestigations.addToCase.addToCasePage.document', { defaultMessage: 'Document' })}</SectionTitle>
            <EuiSpacer size="m" />
            <DocumentSummary docRef={doc.ref} source={doc.source} timestamp={doc.timestamp} document={doc.document} />
            {doc.source === 'guardduty' && (
              <>
                <EuiSpacer size="m" />
                <EuiButton size="s" iconType="inspect" href={url(investigatePath(doc.ref))} data-test-subj="addToCaseInvestigate">
                  {i18n.translate('siemInvestigations.addToCase.addToCasePage.investigateThisFinding', { defaultMessage: 'Investigate this finding' })}</EuiButton>
              </>
            )}
          </EuiPanel>
        </EuiFlexItem>
        <EuiFlexItem grow={2} style={{ minWidth: 320 }}>
          <EuiPanel paddingSize="l">
            <SectionTitle>{i18n.translate('siemInvestigations.addToCase.addToCasePage.case', { defaultMessage: 'Case' })}</SectionTitle>
            <EuiSpacer size="m" />
            {added ? (
              <EuiCallOut color="success" iconType="check" title={i18n.translate('siemInvestigations.addToCase.page.added', { defaultMessage: 'Added to case "{title}"', values: { title: added.title } })} data-test-subj="addToCaseDone">
                <EuiButton size="s" href={url(casePath(added.id))} data-test-subj="addToCaseOpenCase">
                  {i18n.translate('siemInvestigations.addToCase.addToCasePage.openTheCase', { defaultMessage: 'Open the case' })}</EuiButton>
              </EuiCallOut>
            ) : !canSave ? (
              <NoCasePermission size="m" />
            ) : (
              <CasePicker
                attachment={{ type: attachmentTypeOf(doc.source), ref: doc.ref }}
                suggestedTitle={suggestedCaseTitle(doc.document, doc.source, doc.ref)}
                findingType={doc.source === 'guardduty' && typeof doc.document.type === 'string' ? doc.document.type : undefined}
                onAdded={setAdded}
              />
            )}
          </EuiPanel>
        </EuiFlexItem>
      </EuiFlexGroup>
    );
  }

  return (
    <EuiPage>
      <EuiPageBody data-test-subj="addToCasePage">
        <EuiPageHeader pageTitle={i18n.translate('siemInvestigations.addToCase.page.title', { defaultMessage: 'Add to case' })} description={i18n.translate('siemInvestigations.addToCase.addToCasePage.keepThisDocumentAs', { defaultMessage: 'Keep this document as evidence in a case, with a copy of its key fields.' })} />
        <EuiSpacer size="l" />
        {body}
      </EuiPageBody>
    </EuiPage>
  );
}
