import React from 'react';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { API_PATHS } from '../../common/constants';
import { caseFixture, caseSummary } from '../testing/case_fixture';
import { fakeCore } from '../testing/fake_core';
import { fakeHttp, httpError } from '../testing/fake_http';
import { giveElementsASize } from '../testing/layout';
import { renderWithServices } from '../testing/render_with_services';
import { CasePicker } from './case_picker';

giveElementsASize();

const ref = { index: 'log-aws-cloudtrail-2021-04', id: '7c5d3e1f-2a4b-4c6d-8e0f-1a2b3c4d5e6f' };
const existing = caseFixture({ id: 'case-7', title: 'S3 data exfiltration' });

function setup(routes: Record<string, unknown>) {
  const fake = fakeHttp(routes);
  const { core, toasts } = fakeCore(fake.http);
  const onAdded = jest.fn();
  renderWithServices(<CasePicker attachment={{ type: 'event', ref }} suggestedTitle="GetObject (success) by i-0abc" onAdded={onAdded} />, { core });
  return { ...fake, toasts, onAdded };
}

describe('CasePicker', () => {
  it('creates a new case titled after the document, attaches it and links to the case', async () => {
    const created = caseFixture({ id: 'new-1', title: 'GetObject of config.py', attachments: [] });
    const { callsTo, toasts, onAdded } = setup({
      [`POST ${API_PATHS.cases}`]: created,
      [`POST ${API_PATHS.caseAttachments('new-1')}`]: { ...created, version: 'v2' },
    });
    expect(screen.getByTestId('casePickerTitle')).toHaveValue('GetObject (success) by i-0abc');
    fireEvent.change(screen.getByTestId('casePickerTitle'), { target: { value: 'GetObject of config.py' } });
    fireEvent.change(screen.getByTestId('casePickerSeverity'), { target: { value: 'high' } });
    fireEvent.click(screen.getByTestId('casePickerSubmit'));
    await waitFor(() => expect(onAdded).toHaveBeenCalled());
    expect(callsTo('POST', API_PATHS.cases)[0].body).toEqual({ title: 'GetObject of config.py', severity: 'high' });
    expect(callsTo('POST', API_PATHS.caseAttachments('new-1'))[0].body).toEqual({ type: 'event', ref });

    const toast = toasts[0] as { kind: string; toast: { title: string; text: (el: HTMLElement) => () => void } };
    expect(toast).toMatchObject({ kind: 'success', toast: { title: 'Added to case "GetObject of config.py"' } });
    const element = document.createElement('div');
    let unmount!: () => void;
    act(() => {
      unmount = toast.toast.text(element);
    });
    expect(element.querySelector('a')).toHaveAttribute('href', '/app/siem-investigations#/cases/new-1');
    act(() => unmount());
  });

  it('refuses an empty title', () => {
    setup({});
    fireEvent.change(screen.getByTestId('casePickerTitle'), { target: { value: '  ' } });
    expect(screen.getByTestId('casePickerSubmit')).toBeDisabled();
  });

  it('searches existing cases and attaches to the one picked', async () => {
    const { calls, callsTo, onAdded } = setup({
      [`GET ${API_PATHS.cases}`]: (o: { query?: Record<string, unknown> }) => ({ total: 1, cases: o.query?.search === 'exfil' || !o.query?.search ? [caseSummary(existing)] : [] }),
      [`POST ${API_PATHS.caseAttachments('case-7')}`]: existing,
    });
    fireEvent.click(screen.getByTestId('casePickerExisting'));
    expect(screen.getByTestId('casePickerSubmit')).toBeDisabled();
    expect(await screen.findByText('S3 data exfiltration')).toBeInTheDocument();
    fireEvent.change(screen.getByTestId('casePickerSearch'), { target: { value: 'exfil' } });
    await waitFor(() => expect(calls.some((c) => c.method === 'GET' && (c.options.query as any)?.search === 'exfil')).toBe(true));
    // OUI highlights the matched part of the title, so the option is found by its title attribute.
    fireEvent.click(await screen.findByTitle('S3 data exfiltration'));
    fireEvent.click(screen.getByTestId('casePickerSubmit'));
    await waitFor(() => expect(onAdded).toHaveBeenCalledWith(existing));
    expect(callsTo('POST', API_PATHS.cases)).toHaveLength(0);
    expect(callsTo('POST', API_PATHS.caseAttachments('case-7'))[0].body).toEqual({ type: 'event', ref });
  });

  it('shows the server’s message when attaching fails', async () => {
    const { toasts, onAdded } = setup({
      [`POST ${API_PATHS.cases}`]: caseFixture({ id: 'new-2', title: 'x' }),
      [`POST ${API_PATHS.caseAttachments('new-2')}`]: () => {
        throw httpError(404, `No document ${ref.id} in index ${ref.index}`);
      },
    });
    fireEvent.click(screen.getByTestId('casePickerSubmit'));
    await waitFor(() => expect(toasts).toHaveLength(1));
    expect(toasts[0]).toEqual({
      kind: 'danger',
      toast: { title: 'Case "x" was created, but the document could not be attached', text: `No document ${ref.id} in index ${ref.index}` },
    });
    expect(onAdded).not.toHaveBeenCalled();
  });
});
