import React from 'react';
import { render, screen } from '@testing-library/react';
import '../testing/test_ids';
import { CaseMarkdown } from './case_markdown';

describe('CaseMarkdown', () => {
  it('renders Markdown', () => {
    const { container } = render(<CaseMarkdown text={'**Key** `ASIAEXAMPLE` was used from [the threat list](https://example.com/list).\n\n- one\n- two'} />);
    expect(container.querySelector('strong')).toHaveTextContent('Key');
    expect(container.querySelector('code')).toHaveTextContent('ASIAEXAMPLE');
    expect(container.querySelector('a')).toHaveAttribute('href', 'https://example.com/list');
    expect(container.querySelectorAll('li')).toHaveLength(2);
  });

  it('shows attacker HTML as text and creates no element from it', () => {
    const attack = 'User agent <img src=x onerror=alert(1)> then <script>alert(2)</script>';
    const { container } = render(<CaseMarkdown text={`${attack}\n\n<div onclick="alert(3)">block</div>\n\n<iframe src="https://evil.example"></iframe>`} />);
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(container.textContent).toContain('<script>');
    expect(container.textContent).toContain('<div onclick="alert(3)">');
    for (const tag of ['img', 'script', 'iframe']) expect(container.querySelector(`.euiMarkdownFormat ${tag}`)).toBeNull();
    expect(container.querySelector('[onclick],[onerror]')).toBeNull();
  });

  it('never links to javascript: and never loads remote images', () => {
    const { container } = render(<CaseMarkdown text={'[click me](javascript:alert(1)) ![pixel](https://tracker.example/p.gif)'} />);
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('pixel').closest('a')).toHaveAttribute('href', 'https://tracker.example/p.gif');
  });

  it('says when there is nothing to show', () => {
    render(<CaseMarkdown text="  " emptyText="No comment" />);
    expect(screen.getByText('No comment')).toBeInTheDocument();
  });
});
