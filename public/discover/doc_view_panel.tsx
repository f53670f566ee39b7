import React, { useState } from 'react';
import { EuiButton, EuiCallOut, EuiFlexGroup, EuiFlexItem, EuiLink, EuiPanel, EuiSpacer, EuiText } from '@elastic/eui';
import { Case } from '../../common/case_types';
import { APP_ID } from '../../common/constants';
import { CasePicker } from '../add_to_case/case_picker';
import { canSaveCases } from '../shared/capabilities';
import { attachmentTypeOf } from '../../common/sources';
import { suggestedCaseTitle } from '../shared/document_fields';
import { casePath, investigatePath } from '../routes';
import { useAppServices } from '../services/app_services';
import { OpenSearchSearchHit } from '../types';
import { refOfHit, sourceOfHit } from './document_of';
import { i18n } from '@osd/i18n';

/**
 * The "Investigations" tab of a Discover document: "Investigate" for a GuardDuty finding, and
 * "Add to case" with the case picker inline, for any document of a configured source.
 */
export function DocViewPanel({ hit }: { hit: OpenSearchSearchHit }) {
  const { core, sources } = useAppServices();
  const [picking, setPicking] = useState(false);
  const [added, setAdded] = useState<Case | null>(null);
  const source = sourceOfHit(hit, sources);
  if (!source) return null;
  const ref = refOfHit(hit);
  const document = (hit._source ?? {}) as Record<string, unknown>;
  const url = (path: string) => core.application.getUrlForApp(APP_ID, { path: `#${path}` });
  const isFinding = source === 'guardduty';
  const canSave = canSaveCases(core);

  return (
    <EuiPanel paddingSize="m" hasShadow={false} data-test-subj="siemDocView" data-source={source}>
      <EuiText size="s">
        <p>
          {sources[source].label} {attachmentTypeOf(source)}.{' '}
          {canSave
            ? isFinding
              ? i18n.translate('siemInvestigations.discover.docView.investigateOrKeep', { defaultMessage: 'Investigate it, or keep it in a case with a copy of its key fields.' })
              : i18n.translate('siemInvestigations.discover.docView.keep', { defaultMessage: 'Keep it in a case with a copy of its key fields.' })
            : isFinding
              ? i18n.translate('siemInvestigations.discover.docView.investigate', { defaultMessage: 'Investigate it.' })
              : ''}
        </p>
      </EuiText>
      <EuiSpacer size="s" />
      <EuiFlexGroup gutterSize="s" responsive={false} wrap>
        {isFinding && (
          <EuiFlexItem grow={false}>
            <EuiButton size="s" fill iconType="inspect" href={url(investigatePath(ref))} data-test-subj="docViewInvestigate">
              {i18n.translate('siemInvestigations.discover.docViewPanel.investigate', { defaultMessage: 'Investigate' })}</EuiButton>
          </EuiFlexItem>
        )}
        {canSave && (
          <EuiFlexItem grow={false}>
            <EuiButton
              size="s"
              iconType="folderCheck"
              isSelected={picking}
              onClick={() => {
                setPicking(!picking);
                setAdded(null);
              }}
              data-test-subj="docViewAddToCase"
            >
              {i18n.translate('siemInvestigations.discover.docViewPanel.addToCase', { defaultMessage: 'Add to case' })}</EuiButton>
          </EuiFlexItem>
        )}
      </EuiFlexGroup>
      {added && (
        <>
          <EuiSpacer size="m" />
          <EuiCallOut size="s" color="success" iconType="check" title={i18n.translate('siemInvestigations.discover.docView.added', { defaultMessage: 'Added to case "{title}"', values: { title: added.title } })} data-test-subj="docViewAdded">
            <EuiLink href={url(casePath(added.id))} data-test-subj="docViewOpenCase">
              {i18n.translate('siemInvestigations.discover.docViewPanel.openTheCase', { defaultMessage: 'Open the case' })}</EuiLink>
          </EuiCallOut>
        </>
      )}
      {picking && !added && canSave && (
        <>
          <EuiSpacer size="m" />
          <div style={{ maxWidth: 520 }}>
            <CasePicker
              attachment={{ type: attachmentTypeOf(source), ref }}
              suggestedTitle={suggestedCaseTitle(document, source, ref)}
              onAdded={(c) => {
                setAdded(c);
                setPicking(false);
              }}
              onCancel={() => setPicking(false)}
            />
          </div>
        </>
      )}
    </EuiPanel>
  );
}
