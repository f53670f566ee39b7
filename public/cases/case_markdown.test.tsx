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

  /** Every link the rendered Markdown holds must be http(s), mailto or relative; no image may load. */
  function expectSafe(container: HTMLElement) {
    expect(container.querySelector('img, image, picture, source, iframe, object, embed, svg image')).toBeNull();
    for (const el of Array.from(container.querySelectorAll('[href], [src], [xlink\\:href], [action], [formaction]'))) {
      for (const attr of ['href', 'src', 'xlink:href', 'action', 'formaction']) {
        const value = el.getAttribute(attr);
        if (value === null) continue;
        // eslint-disable-next-line no-control-regex
        const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\u0000-\u0020]/g, ''))?.[1]?.toLowerCase();
        expect([undefined, 'http', 'https', 'mailto']).toContain(scheme);
      }
    }
  }

  it.each([
    ['a data: image', '![d](data:text/html,<script>alert(1)</script>)', 'data:text/html'],
    ['a vbscript: image', '![v](vbscript:x)', 'vbscript:x'],
    ['a javascript: image', '![j](javascript:alert(1))', 'javascript:alert(1)'],
    ['a javascript: link', '[click](javascript:alert(1))', 'javascript:alert(1)'],
    ['a mixed-case javascript: link', '[click](JaVaScRiPt:alert(1))', 'JaVaScRiPt:alert(1)'],
    ['a javascript: link in angle brackets with spaces', '[click](< JaVaScRiPt:alert(1)>)', 'JaVaScRiPt:alert(1)'],
    ['a javascript: link with an encoded tab', '[click](java&#9;script:alert(1))', 'script:alert(1)'],
    ['a javascript: link with an encoded colon', '[click](javascript&#58;alert(1))', 'alert(1)'],
    ['a data: link', '[l](data:text/html;base64,PHNjcmlwdD4=)', 'data:text/html'],
    ['a javascript: autolink', '<javascript:alert(1)>', 'alert(1)'],
    ['a reference image to a remote pixel', '![i][r]\n\n[r]: https://evil.example/p.gif', ''],
    ['a collapsed reference image', '![r][]\n\n[r]: https://evil.example/p.gif', ''],
    ['a shortcut reference image', '![r]\n\n[r]: https://evil.example/p.gif', ''],
    ['a reference image to data:', '![i][r]\n\n[r]: data:image/svg+xml,<svg onload=alert(1)>', 'data:image/svg+xml'],
    ['a reference link to data:', '[l][r]\n\n[r]: data:text/html,<script>alert(1)</script>', 'data:text/html'],
    ['a reference link to javascript:', '[l][r]\n\n[r]: %20JaVaScRiPt:alert(1)', ''],
    ['a shortcut reference link to vbscript:', '[r]\n\n[r]: vbscript:msgbox(1)', 'vbscript:msgbox(1)'],
    ['a reference link with a definition in a quote', '> [r]: javascript:alert(1)\n\n[l][r]', 'javascript:alert(1)'],
  ])('renders %s without an image or a live dangerous link', (_name, text, shown) => {
    const { container } = render(<CaseMarkdown text={text} />);
    expectSafe(container);
    if (shown) expect(container.textContent).toContain(shown);
  });

  it('turns reference-style images into links to their definitions and keeps safe reference links', () => {
    const { container } = render(<CaseMarkdown text={'![pixel][r] and [the list][list]\n\n[r]: https://evil.example/p.gif\n[list]: https://example.com/list "Threat list"'} />);
    expectSafe(container);
    expect(screen.getByText('pixel').closest('a')).toHaveAttribute('href', 'https://evil.example/p.gif');
    expect(screen.getByText('the list').closest('a')).toHaveAttribute('href', 'https://example.com/list');
    // The definitions themselves show nothing.
    expect(container.textContent).not.toContain('[r]:');
  });

  it('shows a reference without a definition as the text that was written', () => {
    const { container } = render(<CaseMarkdown text={'see [RFC][nowhere] and ![x][gone]'} />);
    expectSafe(container);
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toContain('see [RFC][nowhere] and ![x][gone]');
  });

  it('says when there is nothing to show', () => {
    render(<CaseMarkdown text="  " emptyText="No comment" />);
    expect(screen.getByText('No comment')).toBeInTheDocument();
  });
});
