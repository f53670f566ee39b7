import React from 'react';
import {
  EuiCodeBlock,
  EuiEmptyPrompt,
  EuiFlyout,
  EuiFlyoutBody,
  EuiFlyoutHeader,
  EuiInMemoryTable,
  EuiLoadingContent,
  EuiSpacer,
  EuiTabbedContent,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import { DocRef } from '../../common/types';
import { useRequest } from './use_request';
import { flattenForDisplay } from './flatten_document';
import { formatTime } from './format';
import { useAppServices } from '../services/app_services';
import { i18n } from '@osd/i18n';

/** The whole document behind an evidence row or timeline entry, as a field table and as JSON. */
export function DocumentFlyout({ docRef, onClose }: { docRef: DocRef; onClose(): void }) {
  const { api, sources } = useAppServices();
  const { data, error, loading } = useRequest(`${docRef.index}\u0000${docRef.id}`, (signal) => api.document(docRef, signal), i18n.translate('siemInvestigations.shared.documentFlyout.loadFailed', { defaultMessage: 'Could not load the document' }));
  const rows = data ? flattenForDisplay(data.document) : [];
  return (
    <EuiFlyout onClose={onClose} size="m" ownFocus aria-labelledby="documentFlyoutTitle" data-test-subj="documentFlyout">
      <EuiFlyoutHeader hasBorder>
        <EuiTitle size="s">
          <h2 id="documentFlyoutTitle">{data?.source ? i18n.translate('siemInvestigations.shared.documentFlyout.sourceDocument', { defaultMessage: '{source} document', values: { source: sources[data.source].label } }) : i18n.translate('siemInvestigations.shared.documentFlyout.document', { defaultMessage: 'Document' })}</h2>
        </EuiTitle>
        <EuiText size="xs" color="subdued">
          <code>{docRef.index}</code> · <code>{docRef.id}</code>
          {data?.timestamp ? ` · ${formatTime(data.timestamp, true)}` : ''}
        </EuiText>
      </EuiFlyoutHeader>
      <EuiFlyoutBody>
        {loading && !data ? (
          <EuiLoadingContent lines={8} />
        ) : error && !data ? (
          <EuiEmptyPrompt iconType="alert" color="danger" title={<h3>{i18n.translate('siemInvestigations.shared.documentFlyout.theDocumentCouldNot', { defaultMessage: 'The document could not be loaded' })}</h3>} body={<p>{error}</p>} />
        ) : data ? (
          <EuiTabbedContent
            size="s"
            tabs={[
              {
                id: 'table',
                name: i18n.translate('siemInvestigations.shared.documentFlyout.table', { defaultMessage: 'Table' }),
                content: (
                  <>
                    <EuiSpacer size="s" />
                    <EuiInMemoryTable<{ field: string; value: string }>
                      data-test-subj="documentFields"
                      items={rows}
                      itemId="field"
                      compressed
                      search={{ box: { incremental: true, placeholder: i18n.translate('siemInvestigations.shared.documentFlyout.filterFieldsAndValues', { defaultMessage: 'Filter fields and values' }) } }}
                      pagination={{ initialPageSize: 50, pageSizeOptions: [50, 100, 500] }}
                      columns={[
                        { field: 'field', name: i18n.translate('siemInvestigations.shared.documentFlyout.field', { defaultMessage: 'Field' }), width: '35%', sortable: true, render: (f: string) => <code>{f}</code> },
                        { field: 'value', name: i18n.translate('siemInvestigations.shared.documentFlyout.value', { defaultMessage: 'Value' }), render: (v: string) => <span style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{v}</span> },
                      ]}
                    />
                  </>
                ),
              },
              {
                id: 'json',
                name: 'JSON',
                content: (
                  <>
                    <EuiSpacer size="s" />
                    <EuiCodeBlock language="json" isCopyable paddingSize="s" data-test-subj="documentJson">
                      {JSON.stringify(data.document, null, 2)}
                    </EuiCodeBlock>
                  </>
                ),
              },
            ]}
          />
        ) : null}
      </EuiFlyoutBody>
    </EuiFlyout>
  );
}
