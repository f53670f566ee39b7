import React, { useState } from 'react';
import { EuiButton, EuiFlexGroup, EuiFlexItem, EuiSelect } from '@elastic/eui';
import { durationLabel } from '../shared/format';
import { i18n } from '@osd/i18n';

const WINDOW_CHOICES = ['1h', '6h', '24h', '3d', '7d'];

export interface WindowControlsProps {
  before: string;
  after: string;
  loading: boolean;
  onApply(window: { before: string; after: string }): void;
}

/** How far before the finding's first and after its last activity the evidence is searched. */
export function WindowControls({ before, after, loading, onApply }: WindowControlsProps) {
  const [draft, setDraft] = useState({ before, after });
  const options = (current: string) =>
    [...new Set([...WINDOW_CHOICES, current])].map((d) => ({ value: d, text: durationLabel(d) }));
  const changed = draft.before !== before || draft.after !== after;
  return (
    <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false} wrap>
      <EuiFlexItem grow={false}>
        <EuiSelect
          compressed
          prepend={i18n.translate('siemInvestigations.investigation.windowControls.before', { defaultMessage: 'Before' })}
          aria-label={i18n.translate('siemInvestigations.investigation.windowControls.windowBeforeTheFinding', { defaultMessage: 'Window before the finding' })}
          data-test-subj="windowBefore"
          options={options(draft.before)}
          value={draft.before}
          onChange={(e) => setDraft({ ...draft, before: e.target.value })}
        />
      </EuiFlexItem>
      <EuiFlexItem grow={false}>
        <EuiSelect
          compressed
          prepend={i18n.translate('siemInvestigations.investigation.windowControls.after', { defaultMessage: 'After' })}
          aria-label={i18n.translate('siemInvestigations.investigation.windowControls.windowAfterTheFinding', { defaultMessage: 'Window after the finding' })}
          data-test-subj="windowAfter"
          options={options(draft.after)}
          value={draft.after}
          onChange={(e) => setDraft({ ...draft, after: e.target.value })}
        />
      </EuiFlexItem>
      <EuiFlexItem grow={false}>
        <EuiButton size="s" iconType="refresh" fill={changed} isLoading={loading} onClick={() => onApply(draft)} data-test-subj="windowApply">
          {changed ? i18n.translate('siemInvestigations.investigation.window.rerun', { defaultMessage: 'Re-run' }) : i18n.translate('siemInvestigations.investigation.window.refresh', { defaultMessage: 'Refresh' })}
        </EuiButton>
      </EuiFlexItem>
    </EuiFlexGroup>
  );
}
