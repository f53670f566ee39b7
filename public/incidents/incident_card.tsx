import React, { useMemo, useState } from 'react';
import {
  EuiBadge,
  EuiBasicTable,
  EuiButton,
  EuiButtonEmpty,
  EuiCallOut,
  EuiFlexGroup,
  EuiFlexItem,
  EuiLink,
  EuiPanel,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import { CASE_LIMITS } from '../../common/case_types';
import { Incident, IncidentSignal } from '../../common/incident_types';
import { SeenInBadge } from '../shared/seen_in_badge';
import { FindingSummary } from '../../common/types';
import { SeverityBadge } from '../shared/severity_badge';
import { entityLabel } from '../shared/palette';
import { formatTime } from '../shared/format';
import { INCIDENT_STRINGS } from './strings';
import { MemberTypeRow, memberTypeRows } from './member_rows';
import { ObservablesNotRecorded } from '../../common/observable_types';
import { observablesNotRecordedText } from '../shared/observables_not_recorded';
import { errorMessage } from '../services/http_error';

export interface IncidentCardProps {
  incident: Incident;
  canSave: boolean;
  hrefForFinding: (f: FindingSummary) => string;
  hrefForCase: (id: string) => string;
  onInvestigate: (incident: Incident) => void;
  /** Creates the case; `requestId` is the same for a retry of the same click. */
  onCreateCase: (incident: Incident, requestId: string) => Promise<{ caseId: string; created: boolean; attached: number; alreadyAttached: number; observablesNotRecorded?: ObservablesNotRecorded }>;
}

/** Finding types listed on a card; every finding of a listed type is one click away. */
const TYPE_ROWS_SHOWN = 20;

function newRequestId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return c?.randomUUID ? c.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** One incident: what it is, why its findings belong together, and what to do with it. */
export function IncidentCard({ incident, canSave, hrefForFinding, hrefForCase, onInvestigate, onCreateCase }: IncidentCardProps) {
  // One id per intent: a second click (or a retry after a network error) lands on the same case.
  const requestId = useMemo(() => newRequestId(), []);
  const [caseState, setCaseState] = useState<{ busy?: boolean; error?: string; result?: Awaited<ReturnType<IncidentCardProps['onCreateCase']>> }>({});
  const create = async () => {
    setCaseState({ busy: true });
    try {
      setCaseState({ result: await onCreateCase(incident, requestId) });
    } catch (e) {
      setCaseState({ error: errorMessage(e) });
    }
  };
  const rows = useMemo(() => memberTypeRows(incident.members), [incident.members]);
  const shown = rows.slice(0, TYPE_ROWS_SHOWN);
  const listed = shown.reduce((n, r) => n + r.findings.length, 0);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (type: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (!next.delete(type)) next.add(type);
      return next;
    });
  const findingColumns = [
    { field: 'severityLabel', name: INCIDENT_STRINGS.colSeverity(), width: '110px', render: (_: unknown, f: FindingSummary) => <SeverityBadge label={f.severityLabel} score={f.severity} /> },
    {
      field: 'type',
      name: INCIDENT_STRINGS.colFinding(),
      render: (_: unknown, f: FindingSummary) => (
        <EuiLink href={hrefForFinding(f)} data-test-subj="incidentMemberLink">
          {f.type}
        </EuiLink>
      ),
    },
    { field: 'title', name: INCIDENT_STRINGS.colTitle(), truncateText: true },
    { field: 'lastSeen', name: INCIDENT_STRINGS.colLastSeen(), width: '170px', render: (v: string | undefined, f: FindingSummary) => formatTime(v ?? f.timestamp) },
    { field: 'count', name: INCIDENT_STRINGS.colCount(), width: '70px' },
  ];
  const expandedRows = Object.fromEntries(
    shown
      .filter((r) => r.findings.length > 1 && expanded.has(r.type))
      .map((r) => [
        r.type,
        <EuiBasicTable<FindingSummary>
          key={r.type}
          data-test-subj="incidentTypeFindings"
          tableCaption={INCIDENT_STRINGS.typeFindingsCaption(r.type)}
          items={r.findings}
          columns={findingColumns}
        />,
      ])
  );
  const tooBig = incident.members.length > CASE_LIMITS.attachments;

  return (
    <EuiPanel paddingSize="m" data-test-subj="incidentCard" data-incident-id={incident.id}>
      <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false} wrap>
        <EuiFlexItem grow={false}>
          <SeverityBadge label={incident.severityLabel} score={incident.severity} />
        </EuiFlexItem>
        <EuiFlexItem>
          <EuiTitle size="xs">
            <h3 data-test-subj="incidentHeadline">{incident.headline}</h3>
          </EuiTitle>
        </EuiFlexItem>
        {incident.seenIn ? (
          <EuiFlexItem grow={false}>
            <SeenInBadge seen={incident.seenIn} />
          </EuiFlexItem>
        ) : null}
      </EuiFlexGroup>
      <EuiSpacer size="xs" />
      <EuiText size="xs" color="subdued" data-test-subj="incidentFacts">
        {INCIDENT_STRINGS.facts(incident.memberCount)}
        {incident.signals.length ? ` · ${INCIDENT_STRINGS.signals(incident.signalCount ?? incident.signals.length)}` : ''} · {formatTime(incident.firstActivity)} → {formatTime(incident.lastActivity)} ·{' '}
        {incident.families.join(', ')}
        {incident.accounts.length ? ` · ${INCIDENT_STRINGS.account(incident.accounts.join(', '))}` : ''}
      </EuiText>
      {incident.sharedEntities.length ? (
        <>
          <EuiSpacer size="s" />
          <EuiFlexGroup gutterSize="xs" wrap responsive={false} data-test-subj="incidentSharedEntities">
            {incident.sharedEntities.map((e) => (
              <EuiFlexItem grow={false} key={`${e.type}:${e.value}`}>
                <EuiBadge color="default">
                  {entityLabel(e.type)}: {e.value} ({e.findings})
                </EuiBadge>
              </EuiFlexItem>
            ))}
          </EuiFlexGroup>
        </>
      ) : null}
      <EuiSpacer size="s" />
      <EuiText size="s" data-test-subj="incidentExplanation">
        <ul>
          {incident.explanation.map((sentence, i) => (
            <li key={i}>{sentence}</li>
          ))}
        </ul>
      </EuiText>
      <EuiSpacer size="s" />
      <EuiBasicTable<MemberTypeRow>
        data-test-subj="incidentMembers"
        items={shown}
        itemId="type"
        isExpandable
        itemIdToExpandedRowMap={expandedRows}
        tableCaption={INCIDENT_STRINGS.membersCaption()}
        columns={[
          { field: 'severityLabel', name: INCIDENT_STRINGS.colSeverity(), width: '110px', render: (_: unknown, r: MemberTypeRow) => <SeverityBadge label={r.severityLabel} score={r.severity} /> },
          {
            field: 'type',
            name: INCIDENT_STRINGS.colFinding(),
            render: (_: unknown, r: MemberTypeRow) =>
              r.findings.length > 1 ? (
                <span data-test-subj="incidentMemberType">{r.type}</span>
              ) : (
                <EuiLink href={hrefForFinding(r.first)} data-test-subj="incidentMemberLink">
                  {r.type}
                </EuiLink>
              ),
          },
          {
            field: 'findings',
            name: INCIDENT_STRINGS.colFindings(),
            width: '140px',
            render: (_: unknown, r: MemberTypeRow) =>
              r.findings.length > 1 ? (
                <EuiButtonEmpty
                  size="xs"
                  flush="left"
                  iconType={expanded.has(r.type) ? 'arrowDown' : 'arrowRight'}
                  aria-expanded={expanded.has(r.type)}
                  aria-label={expanded.has(r.type) ? INCIDENT_STRINGS.hideTypeFindings(r.findings.length, r.type) : INCIDENT_STRINGS.showTypeFindings(r.findings.length, r.type)}
                  onClick={() => toggle(r.type)}
                  data-test-subj="incidentTypeToggle"
                >
                  {INCIDENT_STRINGS.facts(r.findings.length)}
                </EuiButtonEmpty>
              ) : (
                INCIDENT_STRINGS.facts(1)
              ),
          },
          { field: 'first', name: INCIDENT_STRINGS.colTitle(), truncateText: true, render: (_: unknown, r: MemberTypeRow) => r.first.title },
          { field: 'lastSeen', name: INCIDENT_STRINGS.colLastSeen(), width: '170px', render: (v: string) => formatTime(v) },
          { field: 'count', name: INCIDENT_STRINGS.colCount(), width: '70px' },
        ]}
      />
      {incident.memberCount > listed ? (
        <EuiText size="xs" color="subdued" data-test-subj="incidentMoreMembers">
          {INCIDENT_STRINGS.moreMembers(incident.memberCount - listed)}
          {incident.memberCount > incident.members.length ? ` ${INCIDENT_STRINGS.membersBounded(incident.members.length, incident.memberCount)}` : ''}
        </EuiText>
      ) : null}
      {incident.signals.length ? (
        <>
          <EuiSpacer size="s" />
          <EuiBasicTable<IncidentSignal>
            data-test-subj="incidentSignals"
            tableCaption={INCIDENT_STRINGS.signalsCaption()}
            items={incident.signals}
            columns={[
              { field: 'signalType', name: INCIDENT_STRINGS.colSignal(), width: '120px' },
              { field: 'name', name: INCIDENT_STRINGS.colName() },
              { field: 'description', name: INCIDENT_STRINGS.colDescription(), truncateText: true },
              { field: 'firstSeen', name: INCIDENT_STRINGS.colFirstSeen(), width: '170px', render: (v: string | undefined) => formatTime(v) },
              { field: 'count', name: INCIDENT_STRINGS.colCount(), width: '70px' },
            ]}
          />
          {(incident.signalCount ?? 0) > incident.signals.length ? (
            <EuiText size="xs" color="subdued" data-test-subj="incidentMoreSignals">
              {INCIDENT_STRINGS.moreSignals((incident.signalCount ?? 0) - incident.signals.length)}
            </EuiText>
          ) : null}
        </>
      ) : null}
      <EuiSpacer size="m" />
      <EuiFlexGroup gutterSize="s" responsive={false} wrap>
        <EuiFlexItem grow={false}>
          <EuiButton size="s" fill iconType="inspect" onClick={() => onInvestigate(incident)} data-test-subj="investigateIncident">
            {INCIDENT_STRINGS.investigate()}
          </EuiButton>
        </EuiFlexItem>
        {canSave ? (
          <EuiFlexItem grow={false}>
            <EuiButton size="s" iconType="folderCheck" onClick={create} isLoading={caseState.busy} isDisabled={tooBig} data-test-subj="createCaseFromIncident">
                {INCIDENT_STRINGS.createCase()}
            </EuiButton>
          </EuiFlexItem>
        ) : null}
      </EuiFlexGroup>
      {caseState.result ? (
        <>
          <EuiSpacer size="s" />
          <EuiCallOut size="s" color="success" iconType="check" data-test-subj="incidentCaseCreated" title={caseState.result.created ? INCIDENT_STRINGS.caseCreated() : INCIDENT_STRINGS.caseExisted()}>
            <p>
              {caseState.result.attached ? `${INCIDENT_STRINGS.attached(caseState.result.attached)} ` : ''}
              {caseState.result.alreadyAttached ? `${INCIDENT_STRINGS.alreadyAttached(caseState.result.alreadyAttached)} ` : ''}
              {caseState.result.observablesNotRecorded ? <span data-test-subj="incidentObservablesNotRecorded">{`${observablesNotRecordedText(caseState.result.observablesNotRecorded)} `}</span> : null}
              <EuiLink href={hrefForCase(caseState.result.caseId)} data-test-subj="incidentCaseLink">
                {INCIDENT_STRINGS.openCase()}
              </EuiLink>
            </p>
          </EuiCallOut>
        </>
      ) : null}
      {caseState.error ? (
        <>
          <EuiSpacer size="s" />
          <EuiCallOut size="s" color="danger" iconType="alert" title={INCIDENT_STRINGS.caseError()} data-test-subj="incidentCaseError">
            <p>
              {caseState.error} {INCIDENT_STRINGS.caseRetry()}
            </p>
          </EuiCallOut>
        </>
      ) : null}
    </EuiPanel>
  );
}
