import React, { useMemo } from 'react';
import { EuiMarkdownFormat, EuiText } from '@elastic/eui';
import { safeMarkdownParsingPlugins } from './safe_markdown';
import { i18n } from '@osd/i18n';

/** Renders an analyst's Markdown; raw HTML and attacker strings in it stay text. */
export function CaseMarkdown({ text, emptyText = i18n.translate('siemInvestigations.cases.markdown.empty', { defaultMessage: 'No description.' }), 'data-test-subj': testSubj }: { text: string; emptyText?: string; 'data-test-subj'?: string }) {
  const plugins = useMemo(() => safeMarkdownParsingPlugins(), []);
  if (!text.trim()) {
    return (
      <EuiText size="s" color="subdued" data-test-subj={testSubj}>
        <p>{emptyText}</p>
      </EuiText>
    );
  }
  return (
    <div data-test-subj={testSubj} style={{ overflowWrap: 'anywhere' }}>
      <EuiMarkdownFormat parsingPluginList={plugins}>
        {text}
      </EuiMarkdownFormat>
    </div>
  );
}
