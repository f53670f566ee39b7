import React from 'react';
import { EuiFlexGroup, EuiFlexItem, EuiText } from '@elastic/eui';
import { GraphNodeType } from '../../common/types';
import { entityColor, entityLabel } from '../shared/palette';

export function GraphLegend({ types }: { types: GraphNodeType[] }) {
  return (
    <EuiFlexGroup gutterSize="m" wrap responsive={false} data-test-subj="graphLegend">
      {types.map((t) => (
        <EuiFlexItem grow={false} key={t}>
          <EuiText size="xs">
            <span aria-hidden style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: entityColor(t), marginRight: 4 }} />
            {entityLabel(t)}
          </EuiText>
        </EuiFlexItem>
      ))}
    </EuiFlexGroup>
  );
}
