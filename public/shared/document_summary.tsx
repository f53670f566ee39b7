import React from 'react';
import { EuiBadge, EuiDescriptionList, EuiFlexGroup, EuiFlexItem, EuiSpacer, EuiText } from '@elastic/eui';
import { DocRef, SourceId } from '../../common/types';
import { keyFields } from './document_fields';
import { formatTime } from './format';
import { useAppServices } from '../services/app_services';
import { i18n } from '@osd/i18n';

/** A document's source, time, reference and key fields, every value as text. */
export function DocumentSummary({ docRef, source, timestamp, document }: { docRef: DocRef; source: SourceId | null; timestamp?: string; document: Record<string, unknown> }) {
  const { sources } = useAppServices();
  const fields = keyFields(document, source, sources);
  return (
    <div data-test-subj="documentSummary">
      <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false} wrap>
        <EuiFlexItem grow={false}>
          <EuiBadge color={source ? 'primary' : 'default'} data-test-subj="documentSource">
            {source ? sources[source].label : i18n.translate('siemInvestigations.shared.documentSummary.noSource', { defaultMessage: 'Not a configured log source' })}
          </EuiBadge>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiText size="s">{timestamp ? formatTime(timestamp, true) : i18n.translate('siemInvestigations.shared.documentSummary.noTimestamp', { defaultMessage: 'No timestamp' })}</EuiText>
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiText size="xs" color="subdued" style={{ overflowWrap: 'anywhere' }}>
        <code>{docRef.index}</code> · <code>{docRef.id}</code>
      </EuiText>
      <EuiSpacer size="s" />
      <EuiDescriptionList
        compressed
        type="column"
        data-test-subj="documentKeyFields"
        listItems={fields.map((f) => ({
          title: <code>{f.field}</code>,
          description: <span style={{ overflowWrap: 'anywhere' }}>{f.value.length > 300 ? `${f.value.slice(0, 300)}…` : f.value}</span>,
        }))}
      />
    </div>
  );
}
