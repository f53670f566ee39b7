import { i18n } from '@osd/i18n';
import React, { useCallback, useMemo, useState } from 'react';
import { useHistory, useLocation } from 'react-router-dom';
import { EuiButton, EuiCallOut, EuiEmptyPrompt, EuiLink, EuiFieldSearch, EuiFlexGroup, EuiFlexItem, EuiPage, EuiPageBody, EuiPageHeader, EuiPanel, EuiSpacer, EuiText } from '@elastic/eui';
import { CASE_LIMITS, CasesFindResponse, CaseSummary } from '../../common/case_types';
import { APP_ID } from '../../common/constants';
import { CaseStatusFilter } from './case_status_filter';
import { CasesTable } from './cases_table';
import { CreateCaseModal } from './create_case_modal';
import { CasesBulkActions } from './cases_bulk_actions';
import { CaseMetricsPanel } from './case_metrics_panel';
import { mergedIntoTitle } from './merge_case_modal';
import { caseTemplatesPath } from '../routes';
import { NameListInput } from './name_list_input';
import { SeverityFilter } from '../shared/severity_filter';
import { useBreadcrumbs } from '../shared/use_breadcrumbs';
import { useRequest } from '../shared/use_request';
import { CasesState, hasFilters, readCasesState, writeCasesState } from './cases_url_state';
import { useCanSaveCases } from '../shared/capabilities';
import { casePath } from '../routes';
import { useAppServices } from '../services/app_services';

/** The API refuses to page past 10,000 cases (page × perPage). */
const MAX_WINDOW = CASE_LIMITS.listScan;

export function CasesPage() {
  const { core, api } = useAppServices();
  const history = useHistory();
  const location = useLocation();
  const state = useMemo(() => readCasesState(location.search), [location.search]);
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<CaseSummary[]>([]);
  const [changes, setChanges] = useState(0);
  const canSave = useCanSaveCases();
  useBreadcrumbs([{ text: i18n.translate('siemInvestigations.cases.casesPage.cases', { defaultMessage: 'Cases' }) }]);

  const update = useCallback(
    (change: Partial<CasesState>, resetPage = true) => {
      history.push({ pathname: '/cases', search: writeCasesState({ ...state, ...(resetPage ? { page: 1 } : {}), ...change }) });
    },
    [history, state]
  );

  const { data, loading, error } = useRequest(JSON.stringify([state, changes]), (signal) => api.findCases(state, signal), 'Could not load cases');
  const cases = data?.cases ?? [];
  const total = data?.total ?? 0;
  const filtered = hasFilters(state);
  const hrefFor = (c: Pick<CaseSummary, 'id'>) => core.application.getUrlForApp(APP_ID, { path: `#${casePath(c.id)}` });
  const suggestions = (key: 'tags' | 'assignees') => [...new Set(cases.flatMap((c) => c[key]))].sort();

  const noItems = error ? (
    <EuiEmptyPrompt iconType="alert" color="danger" title={<h3>{i18n.translate('siemInvestigations.cases.casesPage.casesCouldNotBe', { defaultMessage: 'Cases could not be loaded' })}</h3>} body={<p>{error}</p>} />
  ) : loading ? (
    i18n.translate('siemInvestigations.cases.page.loading', { defaultMessage: 'Loading cases…' })
  ) : filtered ? (
    <EuiEmptyPrompt iconType="search" title={<h3>{i18n.translate('siemInvestigations.cases.casesPage.noCaseMatches', { defaultMessage: 'No case matches' })}</h3>} body={<p>{i18n.translate('siemInvestigations.cases.casesPage.nothingMatchesThisSearch', { defaultMessage: 'Nothing matches this search and these filters. Clear them to see every case.' })}</p>} data-test-subj="casesNoMatch" />
  ) : (
    <EuiEmptyPrompt
      iconType="folderCheck"
      title={<h3>{i18n.translate('siemInvestigations.cases.casesPage.noCasesYet', { defaultMessage: 'No cases yet' })}</h3>}
      body={<p>{i18n.translate('siemInvestigations.cases.casesPage.keepAnInvestigationAs', { defaultMessage: 'Keep an investigation as a case: its findings and evidence, notes, status and a link to share. Add a finding to a case from its investigation, or start an empty one.' })}</p>}
      actions={
        canSave ? (
          <EuiButton fill iconType="plusInCircle" onClick={() => setCreating(true)}>
            {i18n.translate('siemInvestigations.cases.casesPage.createCase', { defaultMessage: 'Create case' })}</EuiButton>
        ) : undefined
      }
      data-test-subj="casesEmpty"
    />
  );

  return (
    <EuiPage>
      <EuiPageBody>
        <EuiPageHeader
          pageTitle={i18n.translate('siemInvestigations.cases.casesPage.cases2', { defaultMessage: 'Cases' })}
          description={i18n.translate('siemInvestigations.cases.casesPage.investigationsKeptWithTheir', { defaultMessage: 'Investigations kept with their findings, evidence, notes and status.' })}
          rightSideItems={[
            ...(canSave
              ? [
                  <EuiButton key="create" fill iconType="plusInCircle" onClick={() => setCreating(true)} data-test-subj="createCaseButton">
                    {i18n.translate('siemInvestigations.cases.casesPage.createCase2', { defaultMessage: 'Create case' })}</EuiButton>,
                ]
              : []),
            <EuiButton key="templates" iconType="documents" href={core.application.getUrlForApp(APP_ID, { path: `#${caseTemplatesPath()}` })} data-test-subj="caseTemplatesLink">
              {i18n.translate('siemInvestigations.cases.list.templates', { defaultMessage: 'Templates' })}
            </EuiButton>,
          ]}
        />
        <EuiSpacer size="l" />
        <EuiPanel paddingSize="m">
          <EuiFlexGroup gutterSize="m" alignItems="center" wrap>
            <EuiFlexItem grow={3} style={{ minWidth: 260 }}>
              <EuiFieldSearch
                fullWidth
                placeholder={i18n.translate('siemInvestigations.cases.casesPage.searchTitlesAndDescriptions', { defaultMessage: 'Search titles and descriptions' })}
                defaultValue={state.search}
                key={state.search}
                maxLength={CASE_LIMITS.searchLength}
                onSearch={(search) => update({ search: search.trim() })}
                isClearable
                aria-label={i18n.translate('siemInvestigations.cases.casesPage.searchCases', { defaultMessage: 'Search cases' })}
                data-test-subj="casesSearch"
              />
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <CaseStatusFilter selected={state.status} onChange={(status) => update({ status })} />
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <SeverityFilter selected={state.severity} onChange={(severity) => update({ severity })} />
            </EuiFlexItem>
          </EuiFlexGroup>
          <EuiSpacer size="s" />
          <EuiFlexGroup gutterSize="m" wrap>
            <EuiFlexItem style={{ minWidth: 220 }}>
              <NameListInput noun={i18n.translate('siemInvestigations.cases.page.tagFilterNoun', { defaultMessage: 'tag filter' })} compressed values={state.tag} suggestions={suggestions('tags')} onChange={(tag) => update({ tag })} data-test-subj="casesTagFilter" />
            </EuiFlexItem>
            <EuiFlexItem style={{ minWidth: 220 }}>
              <NameListInput
                noun={i18n.translate('siemInvestigations.cases.page.assigneeFilterNoun', { defaultMessage: 'assignee filter' })}
                compressed
                values={state.assignee}
                suggestions={suggestions('assignees')}
                onChange={(assignee) => update({ assignee })}
                data-test-subj="casesAssigneeFilter"
              />
            </EuiFlexItem>
          </EuiFlexGroup>
          <EuiSpacer size="m" />
          <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
            <EuiFlexItem grow={false}>
              <EuiText size="xs" color="subdued" data-test-subj="casesCount">
                {data ? i18n.translate('siemInvestigations.cases.page.count', { defaultMessage: '{total, plural, one {# case} other {# cases}}', values: { total } }) : '\u00a0'}
              </EuiText>
            </EuiFlexItem>
            {canSave && (
              <EuiFlexItem grow={false}>
                <CasesBulkActions selected={selected} onDone={() => setChanges((n) => n + 1)} />
              </EuiFlexItem>
            )}
          </EuiFlexGroup>
          <EuiSpacer size="s" />
          {data?.redirect && <MergedSearchCallout redirect={data.redirect} listed={cases.some((c) => c.id === data.redirect!.to.id)} hrefFor={hrefFor} />}
          <CasesTable
            cases={cases}
            total={Math.min(total, Math.floor(MAX_WINDOW / state.perPage) * state.perPage)}
            loading={loading}
            pageIndex={state.page - 1}
            pageSize={state.perPage}
            sortField={state.sortField}
            sortDirection={state.sortOrder}
            noItemsMessage={noItems}
            hrefFor={hrefFor}
            {...(canSave ? { onSelectionChange: setSelected } : {})}
            onTableChange={({ pageIndex, pageSize, sortField, sortDirection }) =>
              update(
                { page: pageSize === state.perPage && sortField === state.sortField && sortDirection === state.sortOrder ? pageIndex + 1 : 1, perPage: pageSize, sortField, sortOrder: sortDirection },
                false
              )
            }
          />
        </EuiPanel>
        <EuiSpacer size="m" />
        <EuiPanel paddingSize="m">
          <CaseMetricsPanel filters={state} refreshKey={changes} />
        </EuiPanel>
        {creating && canSave && <CreateCaseModal onClose={() => setCreating(false)} onCreated={(c) => history.push(casePath(c.id))} />}
      </EuiPageBody>
    </EuiPage>
  );
}

/**
 * The search named a merged case (its number or id), which the list never shows: "SIR-12 was
 * merged into SIR-7", as on the case page, and where that case is — listed below, or left out by
 * the filters (with a link to it either way).
 */
function MergedSearchCallout({ redirect, listed, hrefFor }: { redirect: NonNullable<CasesFindResponse['redirect']>; listed: boolean; hrefFor: (c: Pick<CaseSummary, 'id'>) => string }) {
  const { from, to } = redirect;
  const values = { source: from.reference ?? from.id, title: from.title, target: to.reference ?? to.title };
  return (
    <>
      <EuiCallOut color="primary" iconType="merge" size="s" title={mergedIntoTitle(from, to)} data-test-subj="casesMergedSearch">
        <p>
          {listed
            ? i18n.translate('siemInvestigations.cases.casesPage.mergedSearchListed', { defaultMessage: 'You searched for {source} "{title}": its attachments, comments and activity are part of {target} now, listed here.', values })
            : i18n.translate('siemInvestigations.cases.casesPage.mergedSearchFiltered', { defaultMessage: 'You searched for {source} "{title}": its attachments, comments and activity are part of {target} now, which the filters leave out.', values })}{' '}
          <EuiLink href={hrefFor(to)} data-test-subj="casesMergedSearchOpen">
            {i18n.translate('siemInvestigations.cases.casesPage.mergedSearchOpen', { defaultMessage: 'Open {target}', values: { target: to.reference ?? to.title } })}
          </EuiLink>
        </p>
      </EuiCallOut>
      <EuiSpacer size="s" />
    </>
  );
}
