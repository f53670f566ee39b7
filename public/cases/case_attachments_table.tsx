import React, { ReactNode, useState } from 'react';
import { EuiBadge, EuiBasicTable, EuiBasicTableColumn, EuiButtonEmpty, EuiButtonIcon, EuiFlexGroup, EuiFlexItem, EuiInMemoryTable, EuiText, EuiTextColor, EuiToolTip } from '@elastic/eui';
import { CaseAttachment, orderedSnapshotFields } from '../../common/case_types';
import { APP_ID } from '../../common/constants';
import { DocRef } from '../../common/types';
import { ATTACHMENT_TYPE_LABELS } from '../shared/case_labels';
import { fieldText, formatTime } from '../shared/format';
import { investigatePath } from '../routes';
import { useAppServices } from '../services/app_services';
import { i18n } from '@osd/i18n';

/** Event time first, so the evidence reads as the story it tells; undated documents last. */
function byEventTime(a: CaseAttachment, b: CaseAttachment): number {
  const ta = a.snapshot.timestamp ? Date.parse(a.snapshot.timestamp) : Infinity;
  const tb = b.snapshot.timestamp ? Date.parse(b.snapshot.timestamp) : Infinity;
  return ta - tb || (a.addedAt < b.addedAt ? -1 : 1);
}

function SnapshotFields({ attachment }: { attachment: CaseAttachment }) {
  const rows = orderedSnapshotFields(attachment.snapshot).map(([field, value]) => ({ field, value: fieldText(value) }));
  return (
    <div style={{ width: '100%' }} data-test-subj="attachmentFields">
      <EuiInMemoryTable<{ field: string; value: string }>
        items={rows}
        itemId="field"
        compressed
        tableLayout="auto"
        columns={[
          { field: 'field', name: i18n.translate('siemInvestigations.cases.caseAttachmentsTable.field', { defaultMessage: 'Field' }), width: '30%', render: (f: string) => <code>{f}</code> },
          { field: 'value', name: i18n.translate('siemInvestigations.cases.caseAttachmentsTable.valueAsAttached', { defaultMessage: 'Value (as attached)' }), render: (v: string) => <span style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{v}</span> },
        ]}
      />
      {attachment.snapshot.truncated && (
        <EuiText size="xs" color="subdued">
          <p>{i18n.translate('siemInvestigations.cases.caseAttachmentsTable.someFieldsOrValues', { defaultMessage: 'Some fields or values were cut to the snapshot limits.' })}</p>
        </EuiText>
      )}
    </div>
  );
}

/** Attached findings and events, from their snapshots (they outlive log retention). */
export function CaseAttachmentsTable({ attachments, onInspect }: { attachments: CaseAttachment[]; onInspect(ref: DocRef): void }) {
  const { core, sources } = useAppServices();
  const [expanded, setExpanded] = useState<Record<string, ReactNode>>({});
  const toggle = (a: CaseAttachment) =>
    setExpanded((e) => {
      const next = { ...e };
      if (next[a.id]) delete next[a.id];
      else next[a.id] = <SnapshotFields attachment={a} />;
      return next;
    });
  const allOpen = attachments.length > 0 && attachments.every((a) => expanded[a.id]);

  const columns: Array<EuiBasicTableColumn<CaseAttachment>> = [
    {
      width: '40px',
      isExpander: true,
      render: (a: CaseAttachment) => (
        <EuiButtonIcon
          onClick={() => toggle(a)}
          aria-label={expanded[a.id] ? i18n.translate('siemInvestigations.cases.attachments.hideFields', { defaultMessage: 'Hide the attached fields' }) : i18n.translate('siemInvestigations.cases.attachments.showFields', { defaultMessage: 'Show the attached fields' })}
          iconType={expanded[a.id] ? 'arrowDown' : 'arrowRight'}
          data-test-subj="attachmentToggle"
        />
      ),
    },
    {
      field: 'type',
      name: i18n.translate('siemInvestigations.cases.caseAttachmentsTable.type', { defaultMessage: 'Type' }),
      width: '140px',
      render: (_: string, a: CaseAttachment) => (
        <div>
          <EuiBadge color={a.type === 'finding' ? 'accent' : 'default'}>{ATTACHMENT_TYPE_LABELS[a.type]}</EuiBadge>
          <EuiText size="xs" color="subdued">
            {a.snapshot.source ? sources[a.snapshot.source].label : i18n.translate('siemInvestigations.cases.attachments.otherIndex', { defaultMessage: 'Other index' })}
          </EuiText>
        </div>
      ),
    },
    { name: i18n.translate('siemInvestigations.cases.caseAttachmentsTable.eventTimeUTC', { defaultMessage: 'Event time (UTC)' }), width: '165px', render: (a: CaseAttachment) => formatTime(a.snapshot.timestamp) },
    {
      name: i18n.translate('siemInvestigations.cases.caseAttachmentsTable.document', { defaultMessage: 'Document' }),
      render: (a: CaseAttachment) => (
        <div style={{ minWidth: 0 }}>
          <span style={{ overflowWrap: 'anywhere' }} data-test-subj="attachmentTitle">
            {a.snapshot.title}
          </span>{' '}
          {a.available === false && (
            <EuiToolTip content={i18n.translate('siemInvestigations.cases.caseAttachmentsTable.theSourceDocumentHas', { defaultMessage: 'The source document has aged out of the logs or was deleted; the fields shown are the copy made when it was attached.' })}>
              <EuiBadge color="warning" iconType="clock" data-test-subj="attachmentUnavailable">
                {i18n.translate('siemInvestigations.cases.caseAttachmentsTable.noLongerInThe', { defaultMessage: 'No longer in the logs' })}</EuiBadge>
            </EuiToolTip>
          )}
          <EuiText size="xs" color="subdued" style={{ overflowWrap: 'anywhere' }}>
            <code>{a.ref.index}</code> · <code>{a.ref.id}</code>
          </EuiText>
        </div>
      ),
    },
    {
      name: i18n.translate('siemInvestigations.cases.caseAttachmentsTable.added', { defaultMessage: 'Added' }),
      width: '170px',
      render: (a: CaseAttachment) => (
        <EuiText size="xs">
          {a.addedBy}
          <br />
          <EuiTextColor color="subdued">{formatTime(a.addedAt)}</EuiTextColor>
        </EuiText>
      ),
    },
    {
      name: i18n.translate('siemInvestigations.cases.caseAttachmentsTable.actions', { defaultMessage: 'Actions' }),
      width: '170px',
      render: (a: CaseAttachment) => (
        <EuiFlexGroup gutterSize="xs" responsive={false} wrap>
          {a.type === 'finding' && a.snapshot.source === 'guardduty' && (
            <EuiFlexItem grow={false}>
              <EuiButtonEmpty size="xs" iconType="inspect" href={core.application.getUrlForApp(APP_ID, { path: `#${investigatePath(a.ref)}` })} data-test-subj="attachmentInvestigate">
                {i18n.translate('siemInvestigations.cases.caseAttachmentsTable.investigate', { defaultMessage: 'Investigate' })}</EuiButtonEmpty>
            </EuiFlexItem>
          )}
          {a.available !== false && (
            <EuiFlexItem grow={false}>
              <EuiButtonEmpty size="xs" iconType="document" onClick={() => onInspect(a.ref)} data-test-subj="attachmentViewDocument">
                {i18n.translate('siemInvestigations.cases.caseAttachmentsTable.document2', { defaultMessage: 'Document' })}</EuiButtonEmpty>
            </EuiFlexItem>
          )}
        </EuiFlexGroup>
      ),
    },
  ];

  return (
    <>
      {attachments.length > 0 && (
        <EuiButtonEmpty
          size="xs"
          flush="left"
          iconType={allOpen ? 'fold' : 'unfold'}
          onClick={() => setExpanded(allOpen ? {} : Object.fromEntries(attachments.map((a) => [a.id, <SnapshotFields key={a.id} attachment={a} />])))}
          data-test-subj="attachmentsToggleAll"
        >
          {allOpen ? i18n.translate('siemInvestigations.cases.attachments.hideAllFields', { defaultMessage: 'Hide all fields' }) : i18n.translate('siemInvestigations.cases.attachments.showAllFields', { defaultMessage: 'Show all fields' })}
        </EuiButtonEmpty>
      )}
      <EuiBasicTable<CaseAttachment>
        data-test-subj="caseAttachments"
        tableLayout="auto"
        items={[...attachments].sort(byEventTime)}
        itemId="id"
        columns={columns}
        itemIdToExpandedRowMap={expanded}
        isExpandable
        noItemsMessage={i18n.translate('siemInvestigations.cases.caseAttachmentsTable.nothingAttachedYetAdd', { defaultMessage: 'Nothing attached yet. Add findings and events from an investigation or from Discover.' })}
        rowProps={(a: CaseAttachment) => ({ 'data-doc-index': a.ref.index, 'data-doc-id': a.ref.id, 'data-attachment-type': a.type })}
      />
    </>
  );
}
