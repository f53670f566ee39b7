import React from 'react';
import { EuiCallOut, EuiCode, EuiSpacer } from '@elastic/eui';
import { OmittedEntities } from '../../common/types';
import { entityLabel } from '../shared/palette';

/**
 * More values of a type than an investigation follows (an attacker can flood the logs with
 * made-up names): say which were left out, so a silent cap never hides a fact.
 */
export function OmittedEntitiesCallout({ omitted }: { omitted: OmittedEntities[] }) {
  if (!omitted.length) return null;
  return (
    <>
      <EuiCallOut size="s" color="warning" iconType="alert" title="Some values were not followed" data-test-subj="omittedEntitiesCallout">
        <ul style={{ margin: 0 }}>
          {omitted.map((o) => (
            <li key={o.type}>
              {entityLabel(o.type)}: the {o.limit} strongest were followed (the finding&apos;s own, then those with successful actions, then the
              most documents); {o.countIsLowerBound ? 'at least ' : ''}
              {o.count} more were left out
              {o.examples.length > 0 && (
                <>
                  , e.g.{' '}
                  {o.examples.map((v, i) => (
                    <React.Fragment key={v}>
                      {i > 0 && ', '}
                      <EuiCode>{v}</EuiCode>
                    </React.Fragment>
                  ))}
                </>
              )}
              .
            </li>
          ))}
        </ul>
      </EuiCallOut>
      <EuiSpacer size="m" />
    </>
  );
}
