import React from 'react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route } from 'react-router-dom';
import { API_PATHS } from '../../common/constants';
import { DocumentResponse } from '../../common/types';
import { example } from '../../test/fixtures/example_docs';
import { caseFixture } from '../testing/case_fixture';
import { fakeCore } from '../testing/fake_core';
import { fakeHttp, httpError } from '../testing/fake_http';
import { renderWithServices } from '../testing/render_with_services';
import { addToCasePath, ROUTE_PATHS } from '../routes';
import { CoreStart } from '../types';
import { AddToCasePage } from './add_to_case_page';

const doc = example('cloudtrail_GetObject_config_py');
const ref = { index: doc._index, id: doc._id };
const documentResponse: DocumentResponse = { ref, source: 'cloudtrail', timestamp: doc._source['@timestamp'], document: doc._source };

function setup(routes: Record<string, unknown>, path = addToCasePath(ref), capabilities: CoreStart['application']['capabilities'] = {}) {
  const fake = fakeHttp(routes);
  const { core, toasts } = fakeCore(fake.http);
  core.application.capabilities = capabilities;
  renderWithServices(<Route path={ROUTE_PATHS.add} component={AddToCasePage} />, { core, path });
  return { ...fake, toasts };
}

describe('AddToCasePage (#/add)', () => {
  it('shows the document and attaches it to a new case', async () => {
    const created = caseFixture({ id: 'case-5', title: 'config.py stolen', attachments: [] });
    const { callsTo } = setup({
      [`GET ${API_PATHS.document}`]: documentResponse,
      [`POST ${API_PATHS.cases}`]: created,
      [`POST ${API_PATHS.caseAttachments('case-5')}`]: created,
    });
    expect(await screen.findByTestId('documentSource')).toHaveTextContent('CloudTrail');
    expect(screen.getByTestId('documentKeyFields')).toHaveTextContent('config.py');
    expect(screen.queryByTestId('addToCaseInvestigate')).toBeNull();
    fireEvent.change(screen.getByTestId('casePickerTitle'), { target: { value: 'config.py stolen' } });
    fireEvent.click(screen.getByTestId('casePickerSubmit'));
    expect(await screen.findByTestId('addToCaseDone')).toHaveTextContent('Added to case "config.py stolen"');
    expect(screen.getByTestId('addToCaseOpenCase')).toHaveAttribute('href', '/app/siem-investigations#/cases/case-5');
    expect(callsTo('GET', API_PATHS.document)[0].options.query).toEqual(ref);
    expect(callsTo('POST', API_PATHS.caseAttachments('case-5'))[0].body).toEqual({ type: 'event', ref });
  });

  it('shows the document but no case picker to a user without the save capability', async () => {
    const { calls } = setup({ [`GET ${API_PATHS.document}`]: documentResponse }, addToCasePath(ref), { siemInvestigations: { show: true, save: false } });
    expect(await screen.findByTestId('noCasePermission')).toHaveTextContent('You cannot add to cases');
    expect(screen.queryByTestId('casePicker')).toBeNull();
    expect(calls.map((c) => c.method)).toEqual(['GET']);
  });

  it('says "Document not found" for an unknown id and attaches nothing', async () => {
    const { calls } = setup(
      {
        [`GET ${API_PATHS.document}`]: () => {
          throw httpError(404, 'No document nope in index log-aws-cloudtrail-2021-04');
        },
      },
      addToCasePath({ index: 'log-aws-cloudtrail-2021-04', id: 'nope' })
    );
    expect(await screen.findByTestId('addToCaseNotFound')).toHaveTextContent('Document not found');
    expect(screen.getByTestId('addToCaseNotFound')).toHaveTextContent('Nothing was added to a case');
    expect(screen.queryByTestId('casePicker')).toBeNull();
    await waitFor(() => expect(calls.every((c) => c.method === 'GET')).toBe(true));
  });

  it('says what is missing from a link without a document', async () => {
    setup({}, '/add?index=log-aws-cloudtrail-2021-04');
    expect(await screen.findByTestId('addToCaseNoDocument')).toBeInTheDocument();
  });
});
