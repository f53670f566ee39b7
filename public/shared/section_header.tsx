import React from 'react';
import { useHistory } from 'react-router-dom';
import { EuiButton, EuiPageHeader, EuiSuperDatePicker } from '@elastic/eui';
import { APP_ID } from '../../common/constants';
import { INCIDENT_STRINGS } from '../incidents/strings';
import { ROUTE_PATHS } from '../routes';
import { useAppServices } from '../services/app_services';
import { sectionTabs } from './section_tabs';

/** The header of the app's two landing views (Incidents, Findings): title, their tabs, what the view is for, and the way to the cases. */
export function SectionHeader({ section, title, description }: { section: 'incidents' | 'findings'; title: string; description: string }) {
  const { core } = useAppServices();
  const history = useHistory();
  return (
    <EuiPageHeader
      pageTitle={title}
      tabs={sectionTabs(section, history)}
      description={description}
      rightSideItems={[
        <EuiButton key="cases" iconType="folderCheck" href={core.application.getUrlForApp(APP_ID, { path: `#${ROUTE_PATHS.cases}` })} data-test-subj="goToCases">
          {INCIDENT_STRINGS.cases()}
        </EuiButton>,
      ]}
    />
  );
}

/**
 * The time range of a landing view (OSD date math, kept in the URL by the view). Applying the range
 * shown again reloads, as the refresh button does; another range is a change of the view's state.
 */
export function TimeRangePicker({
  from,
  to,
  loading,
  onChange,
  onRefresh,
  'data-test-subj': testSubj,
}: {
  from: string;
  to: string;
  loading: boolean;
  onChange(range: { from: string; to: string }): void;
  onRefresh(): void;
  'data-test-subj': string;
}) {
  return (
    <EuiSuperDatePicker
      start={from}
      end={to}
      onTimeChange={({ start, end }) => (start === from && end === to ? onRefresh() : onChange({ from: start, to: end }))}
      onRefresh={() => onRefresh()}
      isLoading={loading}
      data-test-subj={testSubj}
    />
  );
}
