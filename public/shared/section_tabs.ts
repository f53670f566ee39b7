import { History } from 'history';
import { ROUTE_PATHS } from '../routes';
import { INCIDENT_STRINGS } from '../incidents/strings';

/** The app's two landing views, as page-header tabs: Incidents (the landing tab) and Findings. */
export function sectionTabs(selected: 'incidents' | 'findings', history: Pick<History, 'push'>) {
  return [
    { label: INCIDENT_STRINGS.tabIncidents(), isSelected: selected === 'incidents', onClick: () => history.push(ROUTE_PATHS.incidents), 'data-test-subj': 'incidentsTab' },
    { label: INCIDENT_STRINGS.tabFindings(), isSelected: selected === 'findings', onClick: () => history.push(ROUTE_PATHS.findings), 'data-test-subj': 'findingsTab' },
  ];
}
