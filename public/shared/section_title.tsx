import React, { ReactNode } from 'react';
import { EuiTitle } from '@elastic/eui';

export function SectionTitle({ children }: { children: ReactNode }) {
  return (
    <EuiTitle size="s">
      <h2>{children}</h2>
    </EuiTitle>
  );
}
