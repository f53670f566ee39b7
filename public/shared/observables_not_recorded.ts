import { i18n } from '@osd/i18n';
import { ObservablesNotRecorded } from '../../common/observable_types';

/** The sentence of an attach (or a case from an incident) that reached an observables bound: nothing is dropped silently. */
export function observablesNotRecordedText(n: ObservablesNotRecorded): string {
  return n.reason === 'per_case'
    ? i18n.translate('siemInvestigations.observables.notRecordedPerCase', {
        defaultMessage: '{count, plural, one {# entity was} other {# entities were}} not recorded as observables: the case has reached its limit of {limit, number} observables. The attachment and the observables already recorded are kept.',
        values: { count: n.count, limit: n.limit },
      })
    : i18n.translate('siemInvestigations.observables.notRecordedPerAttach', {
        defaultMessage: '{count, plural, one {# entity was} other {# entities were}} not recorded as observables: one attach records at most {limit, number} (IOCs and the most recently seen first). The attachment is kept.',
        values: { count: n.count, limit: n.limit },
      });
}

export const observablesNotRecordedTitle = () => i18n.translate('siemInvestigations.observables.notRecordedTitle', { defaultMessage: 'Some observables were not recorded' });
