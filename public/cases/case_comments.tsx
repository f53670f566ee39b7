import React, { useState } from 'react';
import { EuiButton, EuiComment, EuiCommentList, EuiFlexGroup, EuiFlexItem, EuiFormRow, EuiSpacer, EuiTab, EuiTabs, EuiText, EuiTextArea } from '@elastic/eui';
import { CASE_LIMITS, CaseComment } from '../../common/case_types';
import { formatTime } from '../shared/format';
import { CaseMarkdown } from './case_markdown';
import { i18n } from '@osd/i18n';

/** The analysts' notes (Markdown, rendered safely) and, given `onAdd`, the box to add one. */
export function CaseComments({ comments, onAdd }: { comments: CaseComment[]; onAdd?(text: string): Promise<boolean> }) {
  const [text, setText] = useState('');
  const [preview, setPreview] = useState(false);
  const [busy, setBusy] = useState(false);
  const add = async () => {
    if (!onAdd) return;
    setBusy(true);
    const ok = await onAdd(text);
    setBusy(false);
    if (ok) {
      setText('');
      setPreview(false);
    }
  };
  return (
    <div data-test-subj="caseComments">
      {comments.length === 0 ? (
        <EuiText size="s" color="subdued">
          <p>{i18n.translate('siemInvestigations.cases.caseComments.noCommentsYet', { defaultMessage: 'No comments yet.' })}</p>
        </EuiText>
      ) : (
        <EuiCommentList>
          {comments.map((c) => (
            <EuiComment key={c.id} username={c.createdBy} event="commented" timestamp={`on ${formatTime(c.createdAt, true)}`} data-test-subj="caseComment">
              <CaseMarkdown text={c.text} />
            </EuiComment>
          ))}
        </EuiCommentList>
      )}
      {onAdd && (
        <>
          <EuiSpacer size="m" />
          <EuiTabs size="s">
            <EuiTab isSelected={!preview} onClick={() => setPreview(false)}>
              {i18n.translate('siemInvestigations.cases.caseComments.write', { defaultMessage: 'Write' })}</EuiTab>
            <EuiTab isSelected={preview} onClick={() => setPreview(true)} data-test-subj="previewComment">
              {i18n.translate('siemInvestigations.cases.caseComments.preview', { defaultMessage: 'Preview' })}</EuiTab>
          </EuiTabs>
          <EuiSpacer size="s" />
          {preview ? (
            <CaseMarkdown text={text} emptyText={i18n.translate('siemInvestigations.cases.comments.nothingToPreview', { defaultMessage: 'Nothing to preview.' })} />
          ) : (
            <EuiFormRow fullWidth helpText="Markdown.">
              <EuiTextArea
                fullWidth
                rows={4}
                placeholder={i18n.translate('siemInvestigations.cases.caseComments.addACommentWhat', { defaultMessage: 'Add a comment: what you found, what you did, what is next' })}
                aria-label={i18n.translate('siemInvestigations.cases.caseComments.newComment', { defaultMessage: 'New comment' })}
                value={text}
                maxLength={CASE_LIMITS.commentLength}
                onChange={(e) => setText(e.target.value)}
                data-test-subj="commentInput"
              />
            </EuiFormRow>
          )}
          <EuiSpacer size="s" />
          <EuiFlexGroup justifyContent="flexEnd" responsive={false}>
            <EuiFlexItem grow={false}>
              <EuiButton size="s" fill iconType="editorComment" isDisabled={!text.trim() || busy} isLoading={busy} onClick={add} data-test-subj="addComment">
                {i18n.translate('siemInvestigations.cases.caseComments.addComment', { defaultMessage: 'Add comment' })}</EuiButton>
            </EuiFlexItem>
          </EuiFlexGroup>
        </>
      )}
    </div>
  );
}
