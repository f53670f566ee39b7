import { i18n } from '@osd/i18n';
import React from 'react';
import { EuiBadge } from '@elastic/eui';
import { Severity } from '../../common/types';
import { SEVERITY_COLORS } from './palette';

const LABELS: Record<Severity, string> = {
  get low() {
    return i18n.translate('siemInvestigations.case.severity.low', { defaultMessage: 'Low' });
  },
  get medium() {
    return i18n.translate('siemInvestigations.case.severity.medium', { defaultMessage: 'Medium' });
  },
  get high() {
    return i18n.translate('siemInvestigations.case.severity.high', { defaultMessage: 'High' });
  },
  get critical() {
    return i18n.translate('siemInvestigations.case.severity.critical', { defaultMessage: 'Critical' });
  },
};

export function SeverityBadge({ label, score }: { label: Severity; score?: number }) {
  return (
    <EuiBadge color={SEVERITY_COLORS[label]} data-test-subj="severityBadge">
      {LABELS[label]}
      {score !== undefined ? ` ${score.toFixed(1)}` : ''}
    </EuiBadge>
  );
}
