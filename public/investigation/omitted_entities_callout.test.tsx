import React from 'react';
import { render, screen } from '@testing-library/react';
import '../testing/test_ids';
import { OmittedEntitiesCallout } from './omitted_entities_callout';

describe('OmittedEntitiesCallout', () => {
  it('names the type, the limit, how many were left out and the strongest of them, as text', () => {
    render(<OmittedEntitiesCallout omitted={[{ type: 'bucket', limit: 50, count: 11, examples: ['made-up-1', '<img src=x onerror=alert(1)>'] }]} />);
    const callout = screen.getByTestId('omittedEntitiesCallout');
    expect(callout).toHaveTextContent('S3 bucket: the 50 strongest were followed');
    expect(callout).toHaveTextContent('11 more were left out, e.g. made-up-1, <img src=x onerror=alert(1)>.');
    expect(callout.querySelector('img')).toBeNull();
  });

  it('renders nothing when nothing was left out', () => {
    const { container } = render(<OmittedEntitiesCallout omitted={[]} />);
    expect(container).toBeEmptyDOMElement();
  });
});
