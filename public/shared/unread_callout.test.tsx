import React from 'react';
import { render, screen } from '@testing-library/react';
import '../testing/test_ids';
import { UnreadShards } from '../../common/types';
import { UnreadCallout } from './unread_callout';

const failed: UnreadShards = { shards: 2, of: 7, indices: ['log-aws-cloudtrail-2021-04-a', 'log-aws-cloudtrail-2021-04-b'], reason: 'Text fields are not optimised for operations that require per-document field data' };

describe('UnreadCallout', () => {
  it('says "N of M shards failed", which indices and why, and what that means where it is shown', () => {
    const { unmount } = render(<UnreadCallout unread={failed} context="findings" />);
    const callout = screen.getByTestId('unreadCallout');
    expect(callout).toHaveTextContent('2 of 7 shards failed');
    expect(callout).toHaveTextContent('OpenSearch could not read log-aws-cloudtrail-2021-04-a, log-aws-cloudtrail-2021-04-b: Text fields are not optimised for operations that require per-document field data.');
    expect(callout).toHaveTextContent('Findings in these indices may be missing from this list.');
    unmount();
    render(<UnreadCallout unread={failed} context="evidenceGroup" data-test-subj="groupUnread" />);
    expect(screen.getByTestId('groupUnread')).toHaveTextContent('no evidence here does not mean there is none');
  });

  it('counts without a total when OpenSearch gave none, in the singular, and names no index it was not told', () => {
    render(<UnreadCallout unread={{ shards: 1, indices: [], reason: 'unknown' }} context="investigation" />);
    const callout = screen.getByTestId('unreadCallout');
    expect(callout).toHaveTextContent(/^1 shard failed/);
    expect(callout).toHaveTextContent('OpenSearch could not read some indices: unknown.');
    expect(callout).toHaveTextContent('The evidence groups affected say so.');
  });

  it('says a search timed out, with or without failed shards', () => {
    const { unmount } = render(<UnreadCallout unread={{ shards: 0, indices: [], reason: '', timedOut: true }} context="findings" />);
    expect(screen.getByTestId('unreadCallout')).toHaveTextContent('A search timed out: results are partial');
    expect(screen.getByTestId('unreadCallout')).not.toHaveTextContent('could not read');
    unmount();
    render(<UnreadCallout unread={{ ...failed, timedOut: true }} context="incidents" />);
    expect(screen.getByTestId('unreadCallout')).toHaveTextContent('2 of 7 shards failed');
    expect(screen.getByTestId('unreadCallout')).toHaveTextContent('stopped at its time limit');
  });

  it('renders log-controlled index names and reasons as text', () => {
    render(<UnreadCallout unread={{ shards: 1, indices: ['<img src=x onerror=alert(1)>'], reason: '<b>bold</b>' }} context="findings" />);
    const callout = screen.getByTestId('unreadCallout');
    expect(callout.querySelector('img, b')).toBeNull();
    expect(callout).toHaveTextContent('<img src=x onerror=alert(1)>');
  });
});
