import React, { useEffect, useState } from 'react';
import { useHistory } from 'react-router-dom';
import {
  EuiButton,
  EuiButtonEmpty,
  EuiCallOut,
  EuiModal,
  EuiModalBody,
  EuiModalFooter,
  EuiModalHeader,
  EuiModalHeaderTitle,
  EuiSpacer,
  EuiText,
} from '@elastic/eui';
import { i18n } from '@osd/i18n';
import { Case, CaseRedirect, CaseSummary } from '../../common/case_types';
import { CaseSearchSelect } from '../shared/case_search_select';
import { useAppServices } from '../services/app_services';
import { errorMessage } from '../services/http_error';
import { casePath } from '../routes';

/** The case that is now part of the one shown, after a merge or a redirect. */
type MergedFrom = Pick<CaseRedirect, 'id' | 'reference' | 'title'>;

/**
 * What a merge made here tells the merged case's page, by case id, taken once. In memory, not in
 * the URL (the app's hash router keeps no location state, and a URL could claim any merge).
 */
const justMerged = new Map<string, MergedFrom>();

function takeMergedFrom(caseId: string): MergedFrom | undefined {
  const from = justMerged.get(caseId);
  justMerged.delete(caseId);
  return from;
}

const nameOf = (c: { reference?: string; title: string }) => (c.reference ? `${c.reference} "${c.title}"` : `"${c.title}"`);

export interface MergeCaseModalProps {
  /** The case merged away (it becomes a link to the one picked). */
  source: Case;
  onCancel(): void;
}

/**
 * "Merge into another case…": pick the case to keep (searchable, like the add-to-case picker), read
 * what will happen, confirm. On success the page moves to the merged case, which says what was merged.
 */
export function MergeCaseModal({ source, onCancel }: MergeCaseModalProps) {
  const { api, core } = useAppServices();
  const history = useHistory();
  const [target, setTarget] = useState<CaseSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const submit = async () => {
    if (!target) return;
    setBusy(true);
    setError(undefined);
    try {
      const res = await api.mergeCase(target.id, source.id);
      core.notifications.toasts.addSuccess({
        title: i18n.translate('siemInvestigations.cases.merge.done', {
          defaultMessage: '{source} was merged into {target}',
          values: { source: source.reference ?? source.title, target: res.case.reference ?? res.case.title },
        }),
      });
      justMerged.set(res.case.id, { id: source.id, ...(source.reference ? { reference: source.reference } : {}), title: source.title });
      history.push(casePath(res.case.id));
    } catch (e) {
      setBusy(false);
      setError(errorMessage(e));
    }
  };

  return (
    <EuiModal onClose={onCancel} style={{ width: 600 }} data-test-subj="mergeCaseModal">
      <EuiModalHeader>
        <EuiModalHeaderTitle>
          <h2>{i18n.translate('siemInvestigations.cases.merge.title', { defaultMessage: 'Merge {source} into another case', values: { source: source.reference ?? source.title } })}</h2>
        </EuiModalHeaderTitle>
      </EuiModalHeader>
      <EuiModalBody>
        <CaseSearchSelect
          selected={target}
          onSelect={setTarget}
          excludeId={source.id}
          ariaLabel={i18n.translate('siemInvestigations.cases.merge.pickLabel', { defaultMessage: 'Case to merge into' })}
          placeholder={i18n.translate('siemInvestigations.cases.merge.search', { defaultMessage: 'Search the case to keep (title, description or SIR-12)' })}
          emptyMessage={i18n.translate('siemInvestigations.cases.merge.noCases', { defaultMessage: 'No other case to merge into.' })}
          noMatchesMessage={i18n.translate('siemInvestigations.cases.merge.noMatch', { defaultMessage: 'No case matches.' })}
          testSubjPrefix="mergeCase"
        />
        <EuiSpacer size="m" />
        {target && (
          <EuiCallOut color="warning" iconType="merge" size="s" data-test-subj="mergeCaseConfirmText" title={i18n.translate('siemInvestigations.cases.merge.confirmTitle', { defaultMessage: '{source} will be merged into {target}', values: { source: nameOf(source), target: nameOf(target) } })}>
            <p>
              {i18n.translate('siemInvestigations.cases.merge.confirmBody', {
                defaultMessage:
                  'Its attachments (documents {target} already has are kept once), comments, activity log and observables move to {target}, which gets a merge entry. {source} is closed as a duplicate; its link and number open {target}. This cannot be undone.',
                values: { source: source.reference ?? source.title, target: target.reference ?? target.title },
              })}
            </p>
          </EuiCallOut>
        )}
        {error && (
          <>
            <EuiSpacer size="s" />
            <EuiCallOut color="danger" iconType="alert" size="s" title={i18n.translate('siemInvestigations.cases.merge.failed', { defaultMessage: 'The cases were not merged' })} data-test-subj="mergeCaseError">
              <p>{error}</p>
            </EuiCallOut>
          </>
        )}
      </EuiModalBody>
      <EuiModalFooter>
        <EuiButtonEmpty onClick={onCancel} data-test-subj="mergeCaseCancel">
          {i18n.translate('siemInvestigations.cases.merge.cancel', { defaultMessage: 'Cancel' })}
        </EuiButtonEmpty>
        <EuiButton fill color="warning" iconType="merge" isDisabled={!target || busy} isLoading={busy} onClick={submit} data-test-subj="mergeCaseSubmit">
          {target
            ? i18n.translate('siemInvestigations.cases.merge.submitNamed', { defaultMessage: 'Merge into {target}', values: { target: target.reference ?? target.title } })
            : i18n.translate('siemInvestigations.cases.merge.submit', { defaultMessage: 'Merge' })}
        </EuiButton>
      </EuiModalFooter>
    </EuiModal>
  );
}

/** The header's "Merge into another case…" action (for users who may change cases). */
export function MergeCaseButton({ source }: { source: Case }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <EuiButtonEmpty size="s" iconType="merge" onClick={() => setOpen(true)} data-test-subj="mergeCaseButton">
        {i18n.translate('siemInvestigations.cases.merge.action', { defaultMessage: 'Merge into another case…' })}
      </EuiButtonEmpty>
      {open && <MergeCaseModal source={source} onCancel={() => setOpen(false)} />}
    </>
  );
}

/**
 * An id (or number, or share link) that named a merged case answers the case it was merged into
 * (`redirectedFrom`): the page moves to that case's own address, remembering what was asked for.
 */
export function useMergedCaseRedirect(requestedId: string, c: Case | undefined): void {
  const history = useHistory();
  useEffect(() => {
    if (!c?.redirectedFrom || c.id === requestedId) return;
    // The app mounts a new case page for the new address: it shows the callout from here.
    const { id, reference, title } = c.redirectedFrom;
    justMerged.set(c.id, { id, ...(reference ? { reference } : {}), title });
    history.replace(casePath(c.id));
  }, [c, requestedId, history]);
}

/** "SIR-12 was merged into SIR-7" (each case by its number, else its title): the case page's callout and the cases list say it alike. */
export function mergedIntoTitle(source: { reference?: string; title: string }, target: { reference?: string; title: string }): string {
  return i18n.translate('siemInvestigations.cases.merge.callout', { defaultMessage: '{source} was merged into {target}', values: { source: source.reference ?? source.title, target: target.reference ?? target.title } });
}

/**
 * "SIR-12 was merged into SIR-7": shown on the merged case after a merge made here, or when the
 * case was opened by the merged case's id or number. Render it with `key={case id}`: what it shows
 * is kept while the page moves to the merged case's own address.
 */
export function MergedCaseCallout({ target }: { target: Case }) {
  const redirect = target.redirectedFrom;
  const [from, setFrom] = useState<MergedFrom | undefined>(() => takeMergedFrom(target.id));
  // Opened by the merged case's id or number (also by a link inside the app, on this very page).
  useEffect(() => {
    if (redirect) setFrom({ id: redirect.id, ...(redirect.reference ? { reference: redirect.reference } : {}), title: redirect.title });
  }, [redirect]);
  if (!from) return null;
  return (
    <>
      <EuiCallOut color="primary" iconType="merge" size="s" data-test-subj="mergedCaseCallout" title={mergedIntoTitle(from, target)}>
        <EuiText size="s">
          <p>
            {i18n.translate('siemInvestigations.cases.merge.calloutBody', {
              defaultMessage: 'You opened {source} "{title}": its attachments, comments and activity are part of this case now.',
              values: { source: from.reference ?? from.id, title: from.title },
            })}
          </p>
        </EuiText>
      </EuiCallOut>
      <EuiSpacer size="m" />
    </>
  );
}
