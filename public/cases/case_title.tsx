import React from 'react';
import { EuiButtonEmpty, EuiButtonIcon, EuiFieldText, EuiFlexGroup, EuiFlexItem, EuiTitle } from '@elastic/eui';
import { CASE_LIMITS } from '../../common/case_types';
import { CaseEditor } from './use_case_editor';
import { i18n } from '@osd/i18n';

/** The case title; the pencil turns it into a field (a title draft) until saved or cancelled. */
export function CaseTitle({ editor }: { editor: CaseEditor }) {
  const c = editor.case!;
  const draft = editor.draft.title;
  if (draft === undefined) {
    return (
      <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
        <EuiFlexItem grow={false} style={{ minWidth: 0 }}>
          <EuiTitle size="m">
            <h1 data-test-subj="caseTitle" style={{ overflowWrap: 'anywhere' }}>
              {c.title}
            </h1>
          </EuiTitle>
        </EuiFlexItem>
        {editor.canSave && (
          <EuiFlexItem grow={false}>
            <EuiButtonIcon iconType="pencil" aria-label={i18n.translate('siemInvestigations.cases.caseTitle.editTitle', { defaultMessage: 'Edit title' })} onClick={() => editor.setDraft({ title: c.title })} data-test-subj="editCaseTitle" />
          </EuiFlexItem>
        )}
      </EuiFlexGroup>
    );
  }
  const save = () => draft.trim() && void editor.save({ title: draft.trim() });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
        <EuiFlexItem>
          <EuiFieldText
            fullWidth
            autoFocus
            aria-label={i18n.translate('siemInvestigations.cases.caseTitle.caseTitle', { defaultMessage: 'Case title' })}
            value={draft}
            maxLength={CASE_LIMITS.titleLength}
            isInvalid={!draft.trim()}
            onChange={(e) => editor.setDraft({ title: e.target.value })}
            data-test-subj="caseTitleInput"
          />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiButtonEmpty size="s" type="submit" iconType="check" isDisabled={!draft.trim() || editor.saving} data-test-subj="saveCaseTitle">
            {i18n.translate('siemInvestigations.cases.caseTitle.save', { defaultMessage: 'Save' })}</EuiButtonEmpty>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiButtonEmpty size="s" color="text" onClick={() => editor.discard(['title'])}>
            {i18n.translate('siemInvestigations.cases.caseTitle.cancel', { defaultMessage: 'Cancel' })}</EuiButtonEmpty>
        </EuiFlexItem>
      </EuiFlexGroup>
    </form>
  );
}
