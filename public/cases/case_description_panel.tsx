import React, { useState } from 'react';
import { EuiButton, EuiButtonEmpty, EuiFlexGroup, EuiFlexItem, EuiFormRow, EuiPanel, EuiSpacer, EuiTab, EuiTabs, EuiTextArea } from '@elastic/eui';
import { CASE_LIMITS } from '../../common/case_types';
import { CaseEditor } from './use_case_editor';
import { CaseMarkdown } from './case_markdown';
import { SectionTitle } from '../shared/section_title';

/** The description in Markdown; "Edit" keeps the text as a draft until saved or cancelled. */
export function CaseDescriptionPanel({ editor }: { editor: CaseEditor }) {
  const c = editor.case!;
  const draft = editor.draft.description;
  const [preview, setPreview] = useState(false);
  return (
    <EuiPanel paddingSize="l" data-test-subj="caseDescriptionPanel">
      <EuiFlexGroup gutterSize="s" alignItems="center" justifyContent="spaceBetween" responsive={false}>
        <EuiFlexItem grow={false}>
          <SectionTitle>Description</SectionTitle>
        </EuiFlexItem>
        {draft === undefined && editor.canSave && (
          <EuiFlexItem grow={false}>
            <EuiButtonEmpty size="s" iconType="pencil" onClick={() => editor.setDraft({ description: c.description })} data-test-subj="editCaseDescription">
              Edit
            </EuiButtonEmpty>
          </EuiFlexItem>
        )}
      </EuiFlexGroup>
      <EuiSpacer size="s" />
      {draft === undefined ? (
        <CaseMarkdown text={c.description} emptyText="No description yet." data-test-subj="caseDescription" />
      ) : (
        <>
          <EuiTabs size="s">
            <EuiTab isSelected={!preview} onClick={() => setPreview(false)}>
              Write
            </EuiTab>
            <EuiTab isSelected={preview} onClick={() => setPreview(true)} data-test-subj="previewCaseDescription">
              Preview
            </EuiTab>
          </EuiTabs>
          <EuiSpacer size="s" />
          {preview ? (
            <CaseMarkdown text={draft} emptyText="Nothing to preview." />
          ) : (
            <EuiFormRow fullWidth helpText={`Markdown, up to ${CASE_LIMITS.descriptionLength.toLocaleString('en-US')} characters.`}>
              <EuiTextArea
                fullWidth
                rows={8}
                aria-label="Description"
                value={draft}
                maxLength={CASE_LIMITS.descriptionLength}
                onChange={(e) => editor.setDraft({ description: e.target.value })}
                data-test-subj="caseDescriptionInput"
              />
            </EuiFormRow>
          )}
          <EuiSpacer size="s" />
          <EuiFlexGroup gutterSize="s" justifyContent="flexEnd" responsive={false}>
            <EuiFlexItem grow={false}>
              <EuiButtonEmpty size="s" color="text" onClick={() => editor.discard(['description'])}>
                Cancel
              </EuiButtonEmpty>
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <EuiButton size="s" fill isLoading={editor.saving} onClick={() => void editor.save({ description: draft })} data-test-subj="saveCaseDescription">
                Save description
              </EuiButton>
            </EuiFlexItem>
          </EuiFlexGroup>
        </>
      )}
    </EuiPanel>
  );
}
