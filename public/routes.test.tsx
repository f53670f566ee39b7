import React from 'react';
import { act, render } from '@testing-library/react';
import { HashRouter, Route } from 'react-router-dom';
import { decodePathSegment, investigatePath, ROUTE_PATHS } from './routes';

describe('investigation route', () => {
  const ids = ['plain', 'with/slash/es', '100%/sure %2F', 'spaces and ü and 🙂', 'hash#and?query&x=1', "quote'\"<b>"];

  it.each(ids)('carries the id %p through the hash router unchanged', (id) => {
    const seen: Array<{ index: string; id: string }> = [];
    window.location.hash = investigatePath({ index: 'log-aws-guardduty-2021-04', id }, { before: '6h', after: '1h' });
    render(
      <HashRouter>
        <Route
          path={ROUTE_PATHS.investigate}
          render={({ match, location }) => {
            seen.push({ index: decodePathSegment(match.params.index), id: decodePathSegment(match.params.id) });
            expect(new URLSearchParams(location.search).get('before')).toBe('6h');
            return null;
          }}
        />
      </HashRouter>
    );
    act(() => undefined);
    expect(seen.at(-1)).toEqual({ index: 'log-aws-guardduty-2021-04', id });
  });

  it('accepts links built with a plain encodeURIComponent', () => {
    expect(decodePathSegment(encodeURIComponent('a/b c'))).toBe('a/b c');
  });
});
