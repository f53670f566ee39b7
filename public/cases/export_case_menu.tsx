import React, { useState } from 'react';
import { EuiButton, EuiContextMenuItem, EuiContextMenuPanel, EuiPopover } from '@elastic/eui';
import { CaseExportFormat } from '../../common/case_types';
import { saveTextFile } from '../shared/download';
import { useAppServices } from '../services/app_services';
import { errorMessage } from '../services/http_error';
import { i18n } from '@osd/i18n';

/** Downloads the case as a Markdown report (for a ticket) or as JSON. */
export function ExportCaseMenu({ caseId }: { caseId: string }) {
  const { api, core } = useAppServices();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const download = async (format: CaseExportFormat) => {
    setOpen(false);
    setBusy(true);
    try {
      const file = await api.exportCase(caseId, format);
      saveTextFile(file.text, file.filename, file.contentType);
    } catch (e) {
      core.notifications.toasts.addDanger({ title: i18n.translate('siemInvestigations.cases.exportCaseMenu.couldNotExportThe', { defaultMessage: 'Could not export the case' }), text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <EuiPopover
      isOpen={open}
      closePopover={() => setOpen(false)}
      panelPaddingSize="none"
      anchorPosition="downRight"
      button={
        <EuiButton size="s" iconType="exportAction" iconSide="left" isLoading={busy} onClick={() => setOpen(!open)} data-test-subj="exportCase">
          {i18n.translate('siemInvestigations.cases.exportCaseMenu.export', { defaultMessage: 'Export' })}</EuiButton>
      }
    >
      <EuiContextMenuPanel
        size="s"
        items={[
          <EuiContextMenuItem key="md" icon="document" onClick={() => download('markdown')} data-test-subj="exportCaseMarkdown">
            {i18n.translate('siemInvestigations.cases.exportCaseMenu.markdownReportMd', { defaultMessage: 'Markdown report (.md)' })}</EuiContextMenuItem>,
          <EuiContextMenuItem key="json" icon="editorCodeBlock" onClick={() => download('json')} data-test-subj="exportCaseJson">
            {i18n.translate('siemInvestigations.cases.exportCaseMenu.jSONJson', { defaultMessage: 'JSON (.json)' })}</EuiContextMenuItem>,
        ]}
      />
    </EuiPopover>
  );
}
