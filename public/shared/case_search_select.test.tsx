import React, { useState } from 'react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { CaseSummary } from '../../common/case_types';
import { API_PATHS } from '../../common/constants';
import { caseFixture, caseSummary, XSS } from '../testing/case_fixture';
import { fakeCore } from '../testing/fake_core';
import { fakeHttp, httpError } from '../testing/fake_http';
import { giveElementsASize } from '../testing/layout';
import { renderWithServices } from '../testing/render_with_services';
import { CaseSearchSelect } from './case_search_select';

giveElementsASize();

const kept = caseSummary(caseFixture({ id: 'case-7', number: 7, reference: 'SIR-7', title: 'IAM key used from a threat-list IP', status: 'in-progress' }));
const self = caseSummary(caseFixture({ id: 'case-12', number: 12, reference: 'SIR-12', title: 'Same key, night shift' }));
const hostile = caseSummary(caseFixture({ id: 'case-9', number: 9, reference: undefined, title: XSS }));

function Harness({ excludeId, onSelect }: { excludeId?: string; onSelect(c: CaseSummary | null): void }) {
  const [selected, setSelected] = useState<CaseSummary | null>(null);
  return (
    <CaseSearchSelect
      selected={selected}
      onSelect={(c) => {
        setSelected(c);
        onSelect(c);
      }}
      excludeId={excludeId}
      ariaLabel="Cases"
      placeholder="Search"
      emptyMessage="Nothing"
      noMatchesMessage="No match"
      testSubjPrefix="picker"
    />
  );
}

function setup(routes: Record<string, unknown>, excludeId?: string) {
  const fake = fakeHttp(routes);
  const { core } = fakeCore(fake.http);
  const onSelect = jest.fn();
  renderWithServices(<Harness excludeId={excludeId} onSelect={onSelect} />, { core });
  return { ...fake, onSelect };
}

describe('CaseSearchSelect (the picker of add-to-case and of merge)', () => {
  it('lists cases with their number and status, leaves out the excluded one, renders titles as text, and picks one', async () => {
    const { onSelect } = setup({ [`GET ${API_PATHS.cases}`]: { total: 3, cases: [self, kept, hostile] } }, 'case-12');
    const options = await screen.findAllByTestId('pickerOption');
    expect(options).toHaveLength(2);
    expect(options[0]).toHaveTextContent('SIR-7');
    expect(options[0]).toHaveTextContent('IAM key used from a threat-list IP');
    expect(options[0]).toHaveTextContent('In progress');
    expect(screen.getAllByTestId('pickerReference').map((b) => b.textContent)).toEqual(['SIR-7']);
    expect(options[1]).toHaveTextContent(XSS);
    expect(document.querySelector('img')).toBeNull();
    fireEvent.click(options[0]);
    await waitFor(() => expect(onSelect).toHaveBeenLastCalledWith(kept));
    fireEvent.click(screen.getAllByTestId('pickerOption')[0]);
    await waitFor(() => expect(onSelect).toHaveBeenLastCalledWith(null));
  });

  it('searches what is typed (the first request without a term) and shows the server’s message when the search fails', async () => {
    const { calls } = setup({
      [`GET ${API_PATHS.cases}`]: (o: { query?: Record<string, unknown> }) => {
        if (o.query?.search === 'boom') throw httpError(400, 'search: bad term');
        return { total: 1, cases: [kept] };
      },
    });
    await screen.findAllByTestId('pickerOption');
    fireEvent.change(screen.getByTestId('pickerSearch'), { target: { value: 'boom' } });
    expect(await screen.findByText('search: bad term')).toBeInTheDocument();
    const searches = calls.filter((c) => c.method === 'GET').map((c) => (c.options.query as Record<string, unknown>).search);
    expect(searches).toEqual([undefined, 'boom']);
  });
});
