import { FormattedMessage } from '@osd/i18n/react';
import React from 'react';
import { EuiBadge, EuiFlexGroup, EuiFlexItem, EuiPanel, EuiSpacer, EuiText } from '@elastic/eui';
import { CLOSE_REASON_LABELS } from '../../common/case_types';
import { CaseEditor } from './use_case_editor';
import { formatTime } from '../shared/format';
import { CaseStatusBadge } from './case_status_badge';
import { CaseTitle } from './case_title';
import { CopyCaseLinkButton } from './copy_case_link_button';
import { ExportCaseMenu } from './export_case_menu';
import { MergeCaseButton } from './merge_case_modal';
import { SeverityBadge } from '../shared/severity_badge';
import { i18n } from '@osd/i18n';

export function CaseHeader({ editor }: { editor: CaseEditor }) {
  const c = editor.case!;
  return (
    <EuiPanel paddingSize="l" data-test-subj="caseHeader">
      <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false} wrap>
        {c.reference && (
          <EuiFlexItem grow={false}>
            <EuiBadge color="default" data-test-subj="caseReference">
              {c.reference}
            </EuiBadge>
          </EuiFlexItem>
        )}
        <EuiFlexItem grow={false}>
          <CaseStatusBadge status={c.status} />
        </EuiFlexItem>
        {c.closeReason && (
          <EuiFlexItem grow={false}>
            <EuiBadge color="hollow" data-test-subj="caseCloseReason">
              {CLOSE_REASON_LABELS[c.closeReason] ?? c.closeReason}
            </EuiBadge>
          </EuiFlexItem>
        )}
        <EuiFlexItem grow={false}>
          <SeverityBadge label={c.severity} />
        </EuiFlexItem>
        <EuiFlexItem />
        <EuiFlexItem grow={false}>
          <CopyCaseLinkButton caseId={c.id} reference={c.reference} />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <ExportCaseMenu caseId={c.id} />
        </EuiFlexItem>
        {editor.canSave && (
          <EuiFlexItem grow={false}>
            <MergeCaseButton source={c} />
          </EuiFlexItem>
        )}
      </EuiFlexGroup>
      <EuiSpacer size="s" />
      <CaseTitle editor={editor} />
      <EuiSpacer size="s" />
      <EuiText size="xs" color="subdued" data-test-subj="caseMeta">
        <FormattedMessage
          id="siemInvestigations.cases.header.meta"
          defaultMessage="Opened by {createdBy} on {createdAt} · last changed by {updatedBy} on {updatedAt}"
          values={{ createdBy: <strong>{c.createdBy}</strong>, createdAt: formatTime(c.createdAt, true), updatedBy: <strong>{c.updatedBy}</strong>, updatedAt: formatTime(c.updatedAt, true) }}
        />
        {c.closedAt
          ? c.closedBy
            ? i18n.translate('siemInvestigations.cases.header.closedOnBy', { defaultMessage: ' · closed on {closedAt} by {closedBy}', values: { closedAt: formatTime(c.closedAt, true), closedBy: c.closedBy } })
            : i18n.translate('siemInvestigations.cases.header.closedOn', { defaultMessage: ' · closed on {closedAt}', values: { closedAt: formatTime(c.closedAt, true) } })
          : ''}
      </EuiText>
    </EuiPanel>
  );
}
