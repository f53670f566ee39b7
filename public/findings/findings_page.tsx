import React, { useCallback, useMemo } from 'react';
import { useHistory, useLocation } from 'react-router-dom';
import {
  EuiEmptyPrompt,
  EuiFieldSearch,
  EuiFlexGroup,
  EuiFlexItem,
  EuiPage,
  EuiPageBody,
  EuiPanel,
  EuiSpacer,
  EuiText,
} from '@elastic/eui';
import { APP_ID } from '../../common/constants';
import { FindingSummary } from '../../common/types';
import { FindingsTable } from './findings_table';
import { SeverityFilter } from '../shared/severity_filter';
import { useBreadcrumbs } from '../shared/use_breadcrumbs';
import { useRequest } from '../shared/use_request';
import { UnreadCallout } from '../shared/unread_callout';
import { useSeenIn } from '../shared/use_seen_in';
import { FindingsState, readFindingsState, writeFindingsState } from './findings_url_state';
import { investigatePath, ROUTE_PATHS } from '../routes';
import { SectionHeader, TimeRangePicker } from '../shared/section_header';
import { useAppServices } from '../services/app_services';
import { i18n } from '@osd/i18n';

/** The API refuses to page past 10,000 findings (page × perPage). */
const MAX_WINDOW = 10000;

export function FindingsPage() {
  const { core, api } = useAppServices();
  const history = useHistory();
  const location = useLocation();
  const state = useMemo(() => readFindingsState(location.search), [location.search]);
  useBreadcrumbs([{ text: i18n.translate('siemInvestigations.findings.findingsPage.findings', { defaultMessage: 'Findings' }) }]);

  const update = useCallback(
    (change: Partial<FindingsState>, resetPage = true) => {
      const next = { ...state, ...(resetPage ? { page: 1 } : {}), ...change };
      history.push({ pathname: ROUTE_PATHS.findings, search: writeFindingsState(next) });
    },
    [history, state]
  );

  const { data, loading, error, reload } = useRequest(
    JSON.stringify(state),
    (signal) => api.findings(state, signal),
    i18n.translate('siemInvestigations.findings.page.loadFailed', { defaultMessage: 'Could not load findings' })
  );

  // "Seen in N cases" per row, once the page is shown.
  const entityGroups = useMemo(() => data?.findings.map((f) => f.entities ?? []), [data]);
  const seenIn = useSeenIn(entityGroups);

  const hrefFor = (f: FindingSummary) => core.application.getUrlForApp(APP_ID, { path: `#${investigatePath(f.ref)}` });
  const total = data?.total ?? 0;
  const pageable = Math.min(total, Math.floor(MAX_WINDOW / state.perPage) * state.perPage);

  const noItems = error ? (
    <EuiEmptyPrompt iconType="alert" color="danger" title={<h3>{i18n.translate('siemInvestigations.findings.findingsPage.findingsCouldNotBe', { defaultMessage: 'Findings could not be loaded' })}</h3>} body={<p>{error}</p>} />
  ) : loading ? (
    i18n.translate('siemInvestigations.findings.page.loading', { defaultMessage: 'Loading findings…' })
  ) : (
    <EuiEmptyPrompt
      iconType="securitySignalResolved"
      title={<h3>{i18n.translate('siemInvestigations.findings.findingsPage.noGuardDutyFindings', { defaultMessage: 'No GuardDuty findings' })}</h3>}
      body={<p>{i18n.translate('siemInvestigations.findings.findingsPage.nothingMatchesTheseFilters', { defaultMessage: 'Nothing matches these filters in the selected time range. Widen the time range or clear the filters.' })}</p>}
    />
  );

  return (
    <EuiPage>
      <EuiPageBody>
        <SectionHeader
          section="findings"
          title={i18n.translate('siemInvestigations.findings.page.title', { defaultMessage: 'GuardDuty findings' })}
          description={i18n.translate('siemInvestigations.findings.findingsPage.pickAFindingTo', { defaultMessage: 'Pick a finding to see its evidence across CloudTrail, Linux secure logs and Security Hub, with a timeline, an entity graph and the attack story.' })}
        />
        <EuiSpacer size="l" />
        <EuiPanel paddingSize="m">
          <EuiFlexGroup gutterSize="m" alignItems="center" wrap>
            <EuiFlexItem grow={3} style={{ minWidth: 260 }}>
              <EuiFieldSearch
                fullWidth
                placeholder={i18n.translate('siemInvestigations.findings.findingsPage.searchTypeTitleAccess', { defaultMessage: 'Search type, title, access key, instance, IP…' })}
                defaultValue={state.query}
                key={state.query}
                onSearch={(query) => update({ query: query.trim() })}
                isClearable
                aria-label={i18n.translate('siemInvestigations.findings.findingsPage.searchFindings', { defaultMessage: 'Search findings' })}
                data-test-subj="findingsSearch"
              />
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <SeverityFilter selected={state.severity} onChange={(severity) => update({ severity })} />
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <TimeRangePicker from={state.from} to={state.to} loading={loading} onChange={update} onRefresh={reload} data-test-subj="findingsDatePicker" />
            </EuiFlexItem>
          </EuiFlexGroup>
          <EuiSpacer size="m" />
          {!error && data?.unread ? (
            <>
              <UnreadCallout unread={data.unread} context="findings" data-test-subj="findingsUnread" />
              <EuiSpacer size="s" />
            </>
          ) : null}
          <EuiText size="xs" color="subdued" data-test-subj="findingsCount">
            {data ? i18n.translate('siemInvestigations.findings.page.count', { defaultMessage: '{total, plural, one {# finding} other {# findings}} (duplicates collapsed to the latest update)', values: { total } }) : '\u00a0'}
          </EuiText>
          <EuiSpacer size="s" />
          <FindingsTable
            findings={data?.findings ?? []}
            seenIn={seenIn}
            total={pageable}
            loading={loading}
            pageIndex={state.page - 1}
            pageSize={state.perPage}
            sortField={state.sortField}
            sortDirection={state.sortOrder}
            noItemsMessage={noItems}
            hrefFor={hrefFor}
            onOpen={(f) => history.push(investigatePath(f.ref))}
            onTableChange={({ pageIndex, pageSize, sortField, sortDirection }) =>
              update(
                { page: pageSize === state.perPage && sortField === state.sortField && sortDirection === state.sortOrder ? pageIndex + 1 : 1, perPage: pageSize, sortField, sortOrder: sortDirection },
                false
              )
            }
          />
        </EuiPanel>
      </EuiPageBody>
    </EuiPage>
  );
}
