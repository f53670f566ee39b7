import React, { useCallback, useMemo } from 'react';
import { useHistory, useLocation } from 'react-router-dom';
import {
  EuiCallOut,
  EuiEmptyPrompt,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFormRow,
  EuiPage,
  EuiPageBody,
  EuiPagination,
  EuiSelect,
  EuiSpacer,
  EuiText,
} from '@elastic/eui';
import { APP_ID } from '../../common/constants';
import { CASE_LIMITS } from '../../common/case_types';
import { Incident } from '../../common/incident_types';
import { FindingSummary } from '../../common/types';
import { useBreadcrumbs } from '../shared/use_breadcrumbs';
import { useRequest } from '../shared/use_request';
import { UnreadCallout } from '../shared/unread_callout';
import { INCIDENT_STRINGS } from './strings';
import { useCanSaveCases } from '../shared/capabilities';
import { SectionHeader, TimeRangePicker } from '../shared/section_header';
import { casePath, investigatePath, ROUTE_PATHS } from '../routes';
import { useAppServices } from '../services/app_services';
import { IncidentCard } from './incident_card';
import { IncidentsState, readIncidentsState, WINDOW_CHOICES, writeIncidentsState } from './incidents_url_state';

/**
 * The landing view: the findings of the time range grouped into incidents by the entities they
 * share (server/incidents/group.ts), most severe first, each explained.
 */
export function IncidentsPage() {
  const { core, api } = useAppServices();
  const history = useHistory();
  const location = useLocation();
  const canSave = useCanSaveCases();
  const state = useMemo(() => readIncidentsState(location.search), [location.search]);
  useBreadcrumbs([{ text: INCIDENT_STRINGS.pageTitle() }]);

  const update = useCallback(
    (change: Partial<IncidentsState>, resetPage = true) => {
      history.push({ pathname: ROUTE_PATHS.incidents, search: writeIncidentsState({ ...state, ...(resetPage ? { page: 1 } : {}), ...change }) });
    },
    [history, state]
  );
  const { data, loading, error, reload } = useRequest(
    JSON.stringify(state),
    (signal) => api.incidents({ from: state.from, to: state.to, page: state.page, perPage: state.perPage, ...(state.window ? { window: state.window } : {}) }, signal),
    INCIDENT_STRINGS.requestError()
  );
  const appHref = (path: string) => core.application.getUrlForApp(APP_ID, { path: `#${path}` });
  const investigate = (incident: Incident) => {
    const [lead, ...others] = incident.members;
    history.push(investigatePath(lead.ref, undefined, others.map((m) => m.ref)));
  };
  const createCase = async (incident: Incident, requestId: string) => {
    const res = await api.createCaseFromIncident({
      title: incident.headline.slice(0, CASE_LIMITS.titleLength),
      severity: incident.severityLabel,
      description: incident.explanation.join('\n'),
      findings: incident.members.map((m) => m.ref),
      requestId,
    });
    return { caseId: res.case.id, created: res.created, attached: res.attached.length, alreadyAttached: res.alreadyAttached.length, ...(res.observablesNotRecorded ? { observablesNotRecorded: res.observablesNotRecorded } : {}) };
  };
  const pages = data ? Math.ceil(data.total / state.perPage) : 0;

  return (
    <EuiPage>
      <EuiPageBody>
        <SectionHeader section="incidents" title={INCIDENT_STRINGS.pageTitle()} description={INCIDENT_STRINGS.pageDescription()} />
        <EuiSpacer size="l" />
        <EuiFlexGroup gutterSize="m" alignItems="flexEnd" wrap>
          <EuiFlexItem grow={false}>
            <EuiFormRow label={INCIDENT_STRINGS.windowLabel()} display="rowCompressed">
              <EuiSelect
                compressed
                data-test-subj="incidentsWindow"
                options={[{ value: '', text: INCIDENT_STRINGS.windowDefault() }, ...WINDOW_CHOICES.map((w) => ({ value: w, text: w }))]}
                value={state.window}
                onChange={(e) => update({ window: e.target.value })}
                aria-label={INCIDENT_STRINGS.windowAria()}
              />
            </EuiFormRow>
          </EuiFlexItem>
          <EuiFlexItem grow={false}>
            <TimeRangePicker from={state.from} to={state.to} loading={loading} onChange={update} onRefresh={reload} data-test-subj="incidentsDatePicker" />
          </EuiFlexItem>
        </EuiFlexGroup>
        <EuiSpacer size="m" />
        <EuiText size="xs" color="subdued" data-test-subj="incidentsCount">
          {data ? INCIDENT_STRINGS.count(data.total, data.findings, data.window, data.took.ms) : '\u00a0'}
        </EuiText>
        <EuiSpacer size="s" />
        {error ? (
          <EuiCallOut color="danger" iconType="alert" title={INCIDENT_STRINGS.loadError()} data-test-subj="incidentsError">
            <p>{error}</p>
          </EuiCallOut>
        ) : null}
        {!error && data?.unread ? (
          <>
            <UnreadCallout unread={data.unread} context="incidents" data-test-subj="incidentsUnread" />
            <EuiSpacer size="s" />
          </>
        ) : null}
        {!error && data && data.incidents.length === 0 ? (
          <EuiEmptyPrompt iconType="securitySignalResolved" title={<h3>{INCIDENT_STRINGS.noneTitle()}</h3>} body={<p>{INCIDENT_STRINGS.noneBody()}</p>} />
        ) : null}
        {!data && loading ? <EuiText size="s">{INCIDENT_STRINGS.loading()}</EuiText> : null}
        {(data?.incidents ?? []).map((incident) => (
          <React.Fragment key={incident.id}>
            <IncidentCard
              incident={incident}
              canSave={canSave}
              hrefForFinding={(f: FindingSummary) => appHref(investigatePath(f.ref))}
              hrefForCase={(id) => appHref(casePath(id))}
              onInvestigate={investigate}
              onCreateCase={createCase}
            />
            <EuiSpacer size="m" />
          </React.Fragment>
        ))}
        {pages > 1 ? (
          <EuiPagination pageCount={pages} activePage={state.page - 1} onPageClick={(p) => update({ page: p + 1 }, false)} data-test-subj="incidentsPagination" />
        ) : null}
      </EuiPageBody>
    </EuiPage>
  );
}
