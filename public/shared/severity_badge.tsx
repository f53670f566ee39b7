import React from 'react';
import { EuiBadge } from '@elastic/eui';
import { Severity } from '../../common/types';
import { SEVERITY_COLORS } from './palette';

const LABELS: Record<Severity, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };

export function SeverityBadge({ label, score }: { label: Severity; score?: number }) {
  return (
    <EuiBadge color={SEVERITY_COLORS[label]} data-test-subj="severityBadge">
      {LABELS[label]}
      {score !== undefined ? ` ${score.toFixed(1)}` : ''}
    </EuiBadge>
  );
}
