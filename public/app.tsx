import React from 'react';
import { HashRouter, Route, RouteComponentProps, Switch } from 'react-router-dom';
import { AddToCasePage } from './add_to_case/add_to_case_page';
import { CasePage } from './cases/case_page';
import { CasesPage } from './cases/cases_page';
import { CaseTemplatesPage } from './cases/case_templates_page';
import { FindingsPage } from './findings/findings_page';
import { IncidentsPage } from './incidents/incidents_page';
import { InvestigationPage } from './investigation/investigation_page';
import { ROUTE_PATHS } from './routes';
import { AppServices, AppServicesProvider } from './services/app_services';

export function SiemInvestigationsApp({ services }: { services: AppServices }) {
  return (
    <AppServicesProvider services={services}>
      <HashRouter>
        <Switch>
          {/* One page instance per finding: nothing of the previous finding may linger on screen. */}
          <Route
            path={ROUTE_PATHS.investigate}
            render={(props: RouteComponentProps<{ index: string; id: string }>) => (
              <InvestigationPage key={`${props.match.params.index}/${props.match.params.id}`} {...props} />
            )}
          />
          <Route path={ROUTE_PATHS.case} render={(props: RouteComponentProps<{ id: string }>) => <CasePage key={props.match.params.id} {...props} />} />
          <Route path={ROUTE_PATHS.cases} component={CasesPage} />
          <Route path={ROUTE_PATHS.caseTemplates} component={CaseTemplatesPage} />
          <Route path={ROUTE_PATHS.add} render={(props) => <AddToCasePage key={props.location.search} />} />
          <Route path={ROUTE_PATHS.findings} component={FindingsPage} />
          <Route path={ROUTE_PATHS.incidents} component={IncidentsPage} />
        </Switch>
      </HashRouter>
    </AppServicesProvider>
  );
}
