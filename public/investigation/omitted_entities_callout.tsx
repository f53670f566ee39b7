import React from 'react';
import { EuiCallOut, EuiCode, EuiSpacer } from '@elastic/eui';
import { OmittedEntities } from '../../common/types';
import { entityLabel } from '../shared/palette';
import { i18n } from '@osd/i18n';

/**
 * More values of a type than an investigation follows (an attacker can flood the logs with
 * made-up names): say which were left out, so a silent cap never hides a fact.
 */
export function OmittedEntitiesCallout({ omitted }: { omitted: OmittedEntities[] }) {
  if (!omitted.length) return null;
  return (
    <>
      <EuiCallOut size="s" color="warning" iconType="alert" title={i18n.translate('siemInvestigations.investigation.omittedEntitiesCallout.someValuesWereNot', { defaultMessage: 'Some values were not followed' })} data-test-subj="omittedEntitiesCallout">
        <ul style={{ margin: 0 }}>
          {omitted.map((o) => (
            <li key={o.type}>
              {i18n.translate('siemInvestigations.investigation.omitted.line', { defaultMessage: '{type}: the {limit, number} strongest were followed (the finding’s own, then those with successful actions, then the most documents); {lowerBound, select, true {at least {count, number}} other {{count, number}}} more were left out', values: { type: entityLabel(o.type), limit: o.limit, lowerBound: String(o.countIsLowerBound), count: o.count } })}
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
