import React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { API_PATHS } from '../../common/constants';
import { DEFAULT_SOURCES } from '../../common/sources';
import { example, ExampleName } from '../../test/fixtures/example_docs';
import { createAppServices } from '../services/app_services';
import { caseFixture } from '../testing/case_fixture';
import { fakeCore } from '../testing/fake_core';
import { fakeHttp } from '../testing/fake_http';
import { giveElementsASize } from '../testing/layout';
import '../testing/test_ids';
import { CoreStart, OpenSearchSearchHit } from '../types';
import { createDocView, createDocViewLink, createLogAction, DiscoverIntegrationDeps } from './register';

/** A Discover hit of one of the SIEM_SCHEMA.md example documents, exactly as stored. */
function hitOf(name: ExampleName): OpenSearchSearchHit {
  const doc = example(name);
  return { _index: doc._index, _id: doc._id, _score: 1, _source: doc._source };
}

const UNRELATED: OpenSearchSearchHit = { _index: 'nginx-access-2021.04.27', _id: 'n1', _source: { message: 'GET / 200', '@timestamp': '2021-04-27T10:00:00Z' } };

const READ_ONLY = { siemInvestigations: { show: true, save: false } };

function integration(http = fakeHttp({}).http, capabilities: CoreStart['application']['capabilities'] = {}) {
  const { core, toasts } = fakeCore(http);
  core.application.capabilities = capabilities;
  const services = createAppServices(core, DEFAULT_SOURCES);
  const deps: DiscoverIntegrationDeps = {
    sources: DEFAULT_SOURCES,
    getServices: () => services,
    appUrl: (hashPath) => core.application.getUrlForApp('siem-investigations', { path: `#${hashPath}` }),
  };
  return { deps, toasts, docView: createDocView(deps), link: createDocViewLink(deps), action: createLogAction(deps) };
}

function renderDocView(hit: OpenSearchSearchHit, http = fakeHttp({}).http, capabilities: CoreStart['application']['capabilities'] = {}) {
  const { docView, toasts } = integration(http, capabilities);
  const View = docView.component!;
  render(<View hit={hit} indexPattern={{ id: 'ip-1', title: 'log-aws-*' }} columns={[]} />);
  return { toasts };
}

describe('Discover doc view "Investigations"', () => {
  giveElementsASize();

  it('is a tab after Table and JSON', () => {
    const { docView } = integration();
    expect(docView).toMatchObject({ title: 'Investigations', order: 30 });
  });

  it('offers Investigate and Add to case for a GuardDuty finding', () => {
    const hit = hitOf('guardduty_iam_UnauthorizedAccess_IAMUser_MaliciousIPCaller_Custom');
    expect(integration().docView.shouldShow!(hit)).toBe(true);
    renderDocView(hit);
    expect(screen.getByTestId('docViewInvestigate')).toHaveAttribute(
      'href',
      `/app/siem-investigations#/investigate/log-aws-guardduty-2021-04/${encodeURIComponent(hit._id)}`
    );
    expect(screen.getByTestId('docViewAddToCase')).toBeInTheDocument();
  });

  it.each<ExampleName>(['cloudtrail_GetObject_config_py', 'linux_secure_accepted_password_alice', 'securityhub_inspector_classic_ssh_password_auth'])(
    'offers Add to case, not Investigate, for %s',
    (name) => {
      const hit = hitOf(name);
      expect(integration().docView.shouldShow!(hit)).toBe(true);
      renderDocView(hit);
      expect(screen.getByTestId('docViewAddToCase')).toBeInTheDocument();
      expect(screen.queryByTestId('docViewInvestigate')).toBeNull();
    }
  );

  it('offers no Add to case to a user without the save capability', () => {
    const hit = hitOf('guardduty_iam_UnauthorizedAccess_IAMUser_MaliciousIPCaller_Custom');
    const fake = fakeHttp({});
    renderDocView(hit, fake.http, READ_ONLY);
    expect(screen.getByTestId('docViewInvestigate')).toBeInTheDocument();
    expect(screen.queryByTestId('docViewAddToCase')).toBeNull();
    expect(screen.queryByTestId('casePicker')).toBeNull();
    expect(screen.getByTestId('siemDocView')).not.toHaveTextContent('in a case');
    expect(fake.calls).toEqual([]);
  });

  it('offers Add to case when capabilities do not mention the app (hosts without them)', () => {
    renderDocView(hitOf('cloudtrail_GetObject_config_py'), fakeHttp({}).http, { siemInvestigations: { show: true } });
    expect(screen.getByTestId('docViewAddToCase')).toBeInTheDocument();
  });

  it('shows no tab for a document of an unrelated index', () => {
    const { docView } = integration();
    expect(docView.shouldShow!(UNRELATED)).toBe(false);
    expect(docView.shouldShow!({ _index: 'log-aws-cloudtrail', _id: 'x' })).toBe(false);
  });

  it('adds the CloudTrail GetObject event to an existing case, inline', async () => {
    const hit = hitOf('cloudtrail_GetObject_config_py');
    const target = caseFixture({ id: 'case-9', title: 'Stolen key' });
    const fake = fakeHttp({
      [`GET ${API_PATHS.cases}`]: { total: 1, cases: [{ ...target, attachmentCount: 2, commentCount: 1 }] },
      [`POST ${API_PATHS.caseAttachments('case-9')}`]: target,
    });
    const { toasts } = renderDocView(hit, fake.http);
    fireEvent.click(screen.getByTestId('docViewAddToCase'));
    expect((screen.getByTestId('casePickerTitle') as HTMLInputElement).value).toMatch(/^GetObject \(success\) by \S+/);
    fireEvent.click(screen.getByTestId('casePickerExisting'));
    fireEvent.click(await screen.findByTitle('Stolen key'));
    fireEvent.click(screen.getByTestId('casePickerSubmit'));
    await waitFor(() => expect(screen.getByTestId('docViewAdded')).toHaveTextContent('Added to case "Stolen key"'));
    expect(fake.callsTo('POST', API_PATHS.caseAttachments('case-9'))[0].body).toEqual({ type: 'event', ref: { index: hit._index, id: hit._id } });
    expect(within(screen.getByTestId('docViewAdded')).getByText('Open the case')).toHaveAttribute('href', '/app/siem-investigations#/cases/case-9');
    expect(toasts[0]).toMatchObject({ kind: 'success', toast: { title: 'Added to case "Stolen key"' } });
  });
});

describe('Discover doc view link "Add to case"', () => {
  it('links a source document to #/add with its index and id', () => {
    const hit = hitOf('linux_secure_accepted_password_alice');
    const { link } = integration();
    expect(link).toMatchObject({ label: 'Add to case', order: 30 });
    expect(link.generateCb!({ hit })).toEqual({ url: `/app/siem-investigations#/add?index=log-linux-secure-2021-04&id=${hit._id}` });
    expect(link.generateurlcb({ hit })).toBe(`/app/siem-investigations#/add?index=log-linux-secure-2021-04&id=${hit._id}`);
  });

  it('encodes ids that carry URL syntax', () => {
    const hit = hitOf('securityhub_inspector_classic_ssh_password_auth');
    const url = integration().link.generateCb!({ hit }).url;
    expect(new URLSearchParams(url.split('#/add')[1]).get('id')).toBe(hit._id);
  });

  it('is hidden from a user without the save capability', () => {
    const { link } = integration(undefined, READ_ONLY);
    const hit = hitOf('linux_secure_accepted_password_alice');
    expect(link.generateCb!({ hit })).toMatchObject({ hide: true });
    expect(link.generateurlcb({ hit })).toBeUndefined();
  });

  it('is hidden for other indices', () => {
    const { link } = integration();
    expect(link.generateCb!({ hit: UNRELATED })).toMatchObject({ hide: true });
    expect(link.generateurlcb({ hit: UNRELATED })).toBeUndefined();
  });
});

describe('Explore log action "Add to case"', () => {
  it('is compatible with rows of a configured source, as Explore describes them', () => {
    const { action } = integration();
    const doc = example('cloudtrail_PutBucketAcl');
    expect(action).toMatchObject({ id: 'siem-investigations-add-to-case', displayName: 'Add to case', order: 30 });
    expect(action.isCompatible({ document: doc._source, indexPattern: 'log-aws-cloudtrail-*', metadata: { index: 0 } })).toBe(true);
    expect(action.isCompatible({ document: { ...doc._source, _index: doc._index, _id: doc._id } })).toBe(true);
    expect(action.isCompatible({ document: { message: 'GET /' }, indexPattern: 'nginx-*' })).toBe(false);
    expect(action.isCompatible({ document: doc._source, indexPattern: 'log-aws-*' })).toBe(false);
  });

  it('offers the case picker when the row names its document', () => {
    const { action } = integration();
    const doc = example('cloudtrail_PutBucketAcl');
    const Item = action.component;
    render(<Item context={{ document: { ...doc._source, _index: doc._index, _id: doc._id } }} action={action} onClose={jest.fn()} />);
    expect(screen.getByTestId('casePicker')).toBeInTheDocument();
  });

  it('is not offered to a user without the save capability, and refuses if opened anyway', () => {
    const { action } = integration(undefined, READ_ONLY);
    const doc = example('cloudtrail_PutBucketAcl');
    const context = { document: { ...doc._source, _index: doc._index, _id: doc._id } };
    expect(action.isCompatible(context)).toBe(false);
    const Item = action.component;
    render(<Item context={context} action={action} onClose={jest.fn()} />);
    expect(screen.queryByTestId('casePicker')).toBeNull();
    expect(screen.getByTestId('noCasePermission')).toBeInTheDocument();
  });

  it('says so when Explore passes the row without its index and id', () => {
    const { action } = integration();
    const Item = action.component;
    render(<Item context={{ document: example('cloudtrail_PutBucketAcl')._source, indexPattern: 'log-aws-cloudtrail-*' }} action={action} onClose={jest.fn()} />);
    expect(screen.getByTestId('siemLogActionNoRef')).toHaveTextContent('Investigations tab');
  });
});
