import React from 'react';
import { act, render, screen } from '@testing-library/react';
import { API_PATHS } from '../common/constants';
import { SiemInvestigationsApp } from './app';
import { investigatePath } from './routes';
import { createAppServices } from './services/app_services';
import { fakeCore } from './testing/fake_core';
import { httpError } from './testing/fake_http';
import { investigationFixture } from './testing/investigation_fixture';
import './testing/test_ids';

Element.prototype.scrollIntoView = jest.fn();

describe('app routes', () => {
  it.each([
    ['#/cases', 'casesEmpty'],
    ['#/cases/abc', 'caseNotFound'],
    ['#/add?index=log-aws-cloudtrail-2021-04&id=nope', 'addToCaseNotFound'],
  ])('routes %s to its page', async (hash, testSubj) => {
    const get = jest.fn(async (path: string) => {
      if (path === API_PATHS.cases) return { total: 0, cases: [] };
      throw httpError(404, 'Not Found');
    });
    window.location.hash = hash;
    render(<SiemInvestigationsApp services={createAppServices(fakeCore({ get: get as any }).core)} />);
    expect(await screen.findByTestId(testSubj)).toBeInTheDocument();
  });

  it('never shows the previous finding while another one fails to load', async () => {
    const post = jest.fn(async (_path: string, options?: { body?: string }) => {
      const { finding } = JSON.parse(options!.body!);
      if (finding.id === 'gd/1') return investigationFixture();
      throw Object.assign(new Error('Not Found'), { body: { message: `No finding ${finding.id}` } });
    });
    window.location.hash = `#${investigatePath({ index: 'log-aws-guardduty-2021-04', id: 'gd/1' })}`;
    render(<SiemInvestigationsApp services={createAppServices(fakeCore({ post: post as any }).core)} />);
    await screen.findByTestId('investigationView');
    act(() => {
      window.location.hash = `#${investigatePath({ index: 'log-aws-guardduty-2021-04', id: 'gd/2' })}`;
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(await screen.findByTestId('investigationError')).toHaveTextContent('No finding gd/2');
    expect(screen.queryByTestId('investigationView')).toBeNull();
  });
});
