import React from 'react';
import { EuiFlexItem, EuiText } from '@elastic/eui';

/** One labelled fact in the investigation header (account, region, …). */
export function HeaderFact({ label, value }: { label: string; value: string }) {
  return (
    <EuiFlexItem grow={false} style={{ minWidth: 110 }}>
      <EuiText size="xs" color="subdued">
        {label}
      </EuiText>
      <EuiText size="s">
        <strong>{value}</strong>
      </EuiText>
    </EuiFlexItem>
  );
}
