import React from 'react';
import { EuiFlexGroup, EuiFlexItem, EuiText } from '@elastic/eui';
import { GraphNodeType } from '../../common/types';
import { ENTITY_COLORS, ENTITY_LABELS } from '../lib/palette';

export function GraphLegend({ types }: { types: GraphNodeType[] }) {
  return (
    <EuiFlexGroup gutterSize="m" wrap responsive={false} data-test-subj="graphLegend">
      {types.map((t) => (
        <EuiFlexItem grow={false} key={t}>
          <EuiText size="xs">
            <span aria-hidden style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: ENTITY_COLORS[t], marginRight: 4 }} />
            {ENTITY_LABELS[t]}
          </EuiText>
        </EuiFlexItem>
      ))}
    </EuiFlexGroup>
  );
}
