import React, { useCallback, useEffect, useState } from 'react';
import { EuiBadge, EuiBasicTableColumn, EuiCallOut, EuiCode, EuiFlexGroup, EuiFlexItem, EuiInMemoryTable, EuiLink, EuiLoadingContent, EuiPanel, EuiSpacer, EuiSwitch, EuiText } from '@elastic/eui';
import { i18n } from '@osd/i18n';
import { APP_ID } from '../../common/constants';
import { CaseStatus, CLOSE_REASON_LABELS, CloseReason } from '../../common/case_types';
import { CaseObservable, CaseObservablesResponse, OBSERVABLE_LIMITS, UpdateObservableRequest } from '../../common/observable_types';
import { entityLabel } from '../shared/palette';
import { formatTime } from '../shared/format';
import { SectionTitle } from '../shared/section_title';
import { STATUS_COLORS, STATUS_LABELS } from '../shared/case_labels';
import { casePath } from '../routes';
import { useAppServices } from '../services/app_services';
import { errorMessage } from '../services/http_error';

const S = {
  title: () => i18n.translate('siemInvestigations.cases.observables.title', { defaultMessage: 'Observables' }),
  similarTitle: () => i18n.translate('siemInvestigations.cases.observables.similarTitle', { defaultMessage: 'Similar cases' }),
  loadFailed: () => i18n.translate('siemInvestigations.cases.observables.loadFailed', { defaultMessage: 'Observables could not be loaded' }),
  none: () => i18n.translate('siemInvestigations.cases.observables.none', { defaultMessage: 'No observables yet: they come from the entities of what is attached.' }),
  noSimilar: () => i18n.translate('siemInvestigations.cases.observables.noSimilar', { defaultMessage: 'No other case shares an observable with this one.' }),
  value: () => i18n.translate('siemInvestigations.cases.observables.col.value', { defaultMessage: 'Value' }),
  type: () => i18n.translate('siemInvestigations.cases.observables.col.type', { defaultMessage: 'Type' }),
  firstSeen: () => i18n.translate('siemInvestigations.cases.observables.col.firstSeen', { defaultMessage: 'First seen (UTC)' }),
  lastSeen: () => i18n.translate('siemInvestigations.cases.observables.col.lastSeen', { defaultMessage: 'Last seen (UTC)' }),
  ioc: () => i18n.translate('siemInvestigations.cases.observables.col.ioc', { defaultMessage: 'IOC' }),
  excluded: () => i18n.translate('siemInvestigations.cases.observables.col.excluded', { defaultMessage: 'Exclude from correlation' }),
  iocLabel: (value: string) => i18n.translate('siemInvestigations.cases.observables.iocLabel', { defaultMessage: '{value} is an indicator of compromise', values: { value } }),
  excludedLabel: (value: string) => i18n.translate('siemInvestigations.cases.observables.excludedLabel', { defaultMessage: 'Exclude {value} from correlation', values: { value } }),
  flagFailed: () => i18n.translate('siemInvestigations.cases.observables.flagFailed', { defaultMessage: 'Could not change the observable' }),
  shared: (list: string) => i18n.translate('siemInvestigations.cases.observables.shared', { defaultMessage: 'Shares {list}', values: { list } }),
  showing: (shown: number, total: number) =>
    i18n.translate('siemInvestigations.cases.observables.showing', {
      defaultMessage: 'Showing {shown, number} of {total, number} observables: IOCs first, then the most recently seen.',
      values: { shown, total },
    }),
  boundedTitle: () => i18n.translate('siemInvestigations.cases.observables.boundedTitle', { defaultMessage: 'Similar cases are from the most recently seen matches' }),
  boundedShared: (list: string) =>
    i18n.translate('siemInvestigations.cases.observables.boundedShared', { defaultMessage: 'Shared with more cases than one lookup reads: {list}.', values: { list } }),
  boundedAtLeast: (label: string, count: number) =>
    i18n.translate('siemInvestigations.cases.observables.boundedAtLeast', { defaultMessage: '{label} (at least {count, plural, one {# case} other {# cases}})', values: { label, count } }),
  notLookedUp: (count: number) =>
    i18n.translate('siemInvestigations.cases.observables.notLookedUp', {
      defaultMessage: '{count, plural, one {# observable was} other {# observables were}} not looked up (one lookup sends at most {limit}, IOCs and the most recently seen first).',
      values: { count, limit: OBSERVABLE_LIMITS.lookupKeys },
    }),
  closedAs: (reason: string) => i18n.translate('siemInvestigations.cases.observables.closedAs', { defaultMessage: 'closed as {reason}', values: { reason } }),
};

/**
 * A case's observables (value, type, first/last seen, IOC and exclude-from-correlation flags,
 * switchable by who may edit the case) and the cases sharing its non-excluded ones. Loaded after
 * the case itself is on screen: one `GET …/observables`, never on the case's own load path.
 */
export function CaseObservablesPanel({ caseId, canSave }: { caseId: string; canSave: boolean }) {
  const { api, core } = useAppServices();
  const [state, setState] = useState<{ data?: CaseObservablesResponse; error?: string }>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState<string | undefined>();

  useEffect(() => {
    const controller = new AbortController();
    // After the case's first paint: the panel never delays the case.
    const timer = setTimeout(() => {
      api.caseObservables(caseId, controller.signal).then(
        (data) => !controller.signal.aborted && setState({ data }),
        (e) => !controller.signal.aborted && setState((s) => ({ ...s, error: errorMessage(e) }))
      );
    }, 0);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, caseId, attempt]);

  const setFlag = useCallback(
    async (o: CaseObservable, flags: UpdateObservableRequest) => {
      setBusy(o.id);
      try {
        const updated = await api.setObservableFlags(caseId, o.id, flags);
        setState((s) => (s.data ? { data: { ...s.data, observables: s.data.observables.map((x) => (x.id === o.id ? updated : x)) } } : s));
        // Excluding (or including) an observable changes which cases are similar.
        if (flags.excluded !== undefined) setAttempt((n) => n + 1);
      } catch (e) {
        core.notifications.toasts.addDanger({ title: S.flagFailed(), text: errorMessage(e) });
      } finally {
        setBusy(undefined);
      }
    },
    [api, caseId, core]
  );

  const columns: Array<EuiBasicTableColumn<CaseObservable>> = [
    { field: 'value', name: S.value(), render: (v: string) => <EuiCode transparentBackground>{v}</EuiCode> },
    { field: 'type', name: S.type(), width: '110px', render: (t: string) => entityLabel(t) },
    { field: 'firstSeen', name: S.firstSeen(), width: '150px', render: (t: string) => formatTime(t) },
    { field: 'lastSeen', name: S.lastSeen(), width: '150px', render: (t: string) => formatTime(t) },
    {
      field: 'ioc',
      name: S.ioc(),
      width: '70px',
      render: (v: boolean, o: CaseObservable) => (
        <EuiSwitch compressed showLabel={false} label={S.iocLabel(o.value)} checked={v} disabled={!canSave || busy === o.id} onChange={(e) => void setFlag(o, { ioc: e.target.checked })} data-test-subj="observableIoc" />
      ),
    },
    {
      field: 'excluded',
      name: S.excluded(),
      width: '110px',
      render: (v: boolean, o: CaseObservable) => (
        <EuiSwitch compressed showLabel={false} label={S.excludedLabel(o.value)} checked={v} disabled={!canSave || busy === o.id} onChange={(e) => void setFlag(o, { excluded: e.target.checked })} data-test-subj="observableExcluded" />
      ),
    },
  ];

  const { data, error } = state;
  return (
    <EuiPanel paddingSize="l" data-test-subj="caseObservablesPanel">
      <SectionTitle>{S.title()}</SectionTitle>
      <EuiSpacer size="s" />
      {error ? (
        <EuiCallOut size="s" color="danger" iconType="alert" title={S.loadFailed()} data-test-subj="observablesError">
          <p>{error}</p>
        </EuiCallOut>
      ) : !data ? (
        <EuiLoadingContent lines={3} />
      ) : (
        <>
          {data.total > data.observables.length ? (
            <>
              <EuiText size="s" color="subdued" data-test-subj="observablesShowing">
                <p>{S.showing(data.observables.length, data.total)}</p>
              </EuiText>
              <EuiSpacer size="s" />
            </>
          ) : null}
          {data.observables.length ? (
            // The server's order (IOCs first, then most recently seen) until a column is sorted.
            <EuiInMemoryTable<CaseObservable> items={data.observables} itemId="id" columns={columns} pagination={{ initialPageSize: 10, pageSizeOptions: [10, 50] }} data-test-subj="observablesTable" />
          ) : (
            <EuiText size="s" color="subdued">
              <p>{S.none()}</p>
            </EuiText>
          )}
          <EuiSpacer size="m" />
          <SectionTitle>{S.similarTitle()}</SectionTitle>
          <EuiSpacer size="s" />
          {data.similarBounded ? (
            <>
              <EuiCallOut size="s" color="warning" iconType="iInCircle" title={S.boundedTitle()} data-test-subj="similarBounded">
                {data.similarBounded.observables.length ? (
                  <p>{S.boundedShared(data.similarBounded.observables.map((o) => S.boundedAtLeast(`${entityLabel(o.type)} ${o.value}`, o.atLeast)).join(', '))}</p>
                ) : null}
                {data.similarBounded.notLookedUp ? <p>{S.notLookedUp(data.similarBounded.notLookedUp)}</p> : null}
              </EuiCallOut>
              <EuiSpacer size="s" />
            </>
          ) : null}
          {data.similarCases.length ? (
            <ul data-test-subj="similarCases">
              {data.similarCases.map((s) => {
                const status = s.status as CaseStatus;
                const reason = s.closeReason ? CLOSE_REASON_LABELS[s.closeReason as CloseReason] ?? s.closeReason : undefined;
                return (
                  <li key={s.id} data-test-subj="similarCase">
                    <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false} wrap>
                      <EuiFlexItem grow={false}>
                        <EuiLink href={core.application.getUrlForApp(APP_ID, { path: `#${casePath(s.id)}` })}>{s.title}</EuiLink>
                      </EuiFlexItem>
                      <EuiFlexItem grow={false}>
                        <EuiBadge color={STATUS_COLORS[status] ?? 'default'}>{STATUS_LABELS[status] ?? s.status}</EuiBadge>
                      </EuiFlexItem>
                      {reason ? (
                        <EuiFlexItem grow={false}>
                          <EuiText size="xs" color="subdued">
                            {S.closedAs(`${reason.charAt(0).toLowerCase()}${reason.slice(1)}`)}
                          </EuiText>
                        </EuiFlexItem>
                      ) : null}
                    </EuiFlexGroup>
                    <EuiText size="xs" color="subdued">
                      {S.shared(s.shared.slice(0, 5).map((o) => `${entityLabel(o.type)} ${o.value}`).join(', ') + (s.shared.length > 5 ? ', …' : ''))}
                    </EuiText>
                  </li>
                );
              })}
            </ul>
          ) : (
            <EuiText size="s" color="subdued">
              <p>{S.noSimilar()}</p>
            </EuiText>
          )}
        </>
      )}
    </EuiPanel>
  );
}
