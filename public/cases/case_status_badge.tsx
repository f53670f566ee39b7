import React from 'react';
import { EuiBadge } from '@elastic/eui';
import { CaseStatus } from '../../common/case_types';
import { STATUS_COLORS, STATUS_LABELS } from '../shared/case_labels';

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  return (
    <EuiBadge color={STATUS_COLORS[status]} data-test-subj="caseStatusBadge" data-status={status}>
      {STATUS_LABELS[status]}
    </EuiBadge>
  );
}
