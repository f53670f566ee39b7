import { Case } from '../../common/case_types';
import { analystMarkdown, escapeText, inlineCode, renderCaseMarkdown } from './markdown_report';

// The Markdown parser OSD's UI renders with (OUI's EuiMarkdownFormat): what it makes of the report
// is what a reader would see.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const unified = require('unified');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const remarkParse = require('remark-parse');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const remarkRehype = require('remark-rehype');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const rehypeStringify = require('rehype-stringify');

interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  children?: MdNode[];
}

function parse(markdown: string): MdNode {
  return unified().use(remarkParse).parse(markdown) as MdNode;
}

function nodes(tree: MdNode, type: string): MdNode[] {
  const out: MdNode[] = [];
  const walk = (n: MdNode) => {
    if (n.type === type) out.push(n);
    n.children?.forEach(walk);
  };
  walk(tree);
  return out;
}

/** What a reader sees: the zero-width spaces that defuse markup are invisible. */
const visible = (s: string) => s.replace(/\u200B/g, '');

function textOf(n: MdNode): string {
  return n.value ?? (n.children ?? []).map(textOf).join('');
}

const hostile = [
  '<img src=x onerror=alert(1)>',
  '`` `<script>alert(1)</script>` ``',
  '[click](javascript:alert(1))',
  '**bold** _it_ # not a heading',
  'line one\n\n# injected heading\n<b>x</b>',
  ' padded ',
  '`starts with a backtick',
  'ends with a backtick`',
  '| a | b |',
  'bidi \u202Eevil\u202C text',
];

describe('inlineCode', () => {
  it.each(hostile)('shows %j as one code span with the value (line breaks and bidi overrides removed)', (value) => {
    const tree = parse(`x ${inlineCode(value)} y`);
    expect(nodes(tree, 'html')).toHaveLength(0);
    expect(nodes(tree, 'link')).toHaveLength(0);
    const code = nodes(tree, 'inlineCode');
    expect(code).toHaveLength(1);
    expect(code[0].value).toBe(value.replace(/\n+/g, ' ').replace(/[\u202a-\u202e]/g, ''));
  });

  it('shows an empty value as such', () => {
    expect(inlineCode('')).toBe('_(empty)_');
  });
});

describe('escapeText', () => {
  it.each(hostile)('keeps %j as plain text in a heading', (value) => {
    const tree = parse(`# ${escapeText(value)}`);
    expect(tree.children).toHaveLength(1);
    expect(tree.children![0].type).toBe('heading');
    expect(nodes(tree, 'html')).toHaveLength(0);
    expect(nodes(tree, 'link')).toHaveLength(0);
    expect(nodes(tree, 'strong')).toHaveLength(0);
    expect(textOf(tree)).toBe(value.replace(/\n+/g, ' ').replace(/[\u202a-\u202e]/g, '').trim());
  });
});

describe('analystMarkdown', () => {
  it('keeps the Markdown but neutralises raw HTML outside code', () => {
    const md = analystMarkdown('Key **revoked** <img src=x onerror=alert(1)> and `<b>in code</b>`\n\n```\n<script>kept as code</script>\n```');
    const tree = parse(md);
    expect(nodes(tree, 'html')).toHaveLength(0);
    expect(nodes(tree, 'strong')).toHaveLength(1);
    expect(visible(nodes(tree, 'inlineCode')[0].value!)).toBe('<b>in code</b>');
    expect(visible(nodes(tree, 'code')[0].value!)).toBe('<script>kept as code</script>');
    expect(visible(textOf(tree))).toContain('<img src=x onerror=alert(1)>');
  });

  it('does not let a backslash-escaped backtick hide HTML', () => {
    expect(nodes(parse(analystMarkdown('\\`<img src=x onerror=alert(1)>\\`')), 'html')).toHaveLength(0);
  });

  it('closes a code fence left open, so the rest of the report is not code', () => {
    const tree = parse(`${analystMarkdown('look:\n```\nunclosed')}\n\n## Next section`);
    expect(nodes(tree, 'heading').map(textOf)).toEqual(['Next section']);
  });
});

const theCase: Case = {
  id: 'c-1',
  attachmentCount: 0,
  commentCount: 0,
  activityCount: 0,
  version: 'WzEsMV0=',
  title: 'IAM key <b>used</b> from # a threat-list IP',
  description: 'Started from the GuardDuty finding. <script>alert(1)</script>',
  status: 'closed',
  closeReason: 'true_positive',
  severity: 'high',
  tags: ['iam', '<i>x</i>'],
  assignees: ['alice'],
  attachments: [
    {
      id: 'a1',
      type: 'event',
      ref: { index: 'log-aws-cloudtrail-2021-04', id: '2b1f4c6e' },
      snapshot: {
        source: 'cloudtrail',
        timestamp: '2021-04-27T10:21:19Z',
        title: 'PutBucketAcl (success) by threat-detection-wksp-compromised-ec2',
        fields: { 'event.action': 'PutBucketAcl', 'user_agent.original': '[aws-cli/1.18.147 <img src=x onerror=alert(1)> `x`]', 'related.ip': ['34.219.77.88', '10.0.0.15'] },
      },
      addedAt: '2026-08-01T10:05:00.000Z',
      addedBy: 'bob',
      available: false,
    },
  ],
  comments: [{ id: 'm1', text: 'Bucket ACL **reverted**.', createdAt: '2026-08-01T10:06:00.000Z', createdBy: 'bob' }],
  activity: [
    { at: '2026-08-01T10:00:00.000Z', by: 'alice', action: 'created' },
    { at: '2026-08-01T10:07:00.000Z', by: 'bob', action: 'status_changed', from: 'open', to: 'closed', closeReason: 'true_positive' },
  ],
  createdAt: '2026-08-01T10:00:00.000Z',
  createdBy: 'alice',
  updatedAt: '2026-08-01T10:07:00.000Z',
  updatedBy: 'bob',
  closedAt: '2026-08-01T10:07:00.000Z',
  closedBy: 'bob',
  tasks: [],
  closeFields: [],
  closeFieldValues: {},
  times: {},
};

describe('renderCaseMarkdown', () => {
  const md = renderCaseMarkdown(theCase, '2026-08-02T00:00:00.000Z');
  const tree = parse(md);

  it('renders no HTML from any value', () => {
    expect(nodes(tree, 'html')).toHaveLength(0);
  });

  it('has the sections of a ticket report in order', () => {
    expect(nodes(tree, 'heading').map((h) => `${h.depth} ${textOf(h)}`)).toEqual([
      '1 IAM key <b>used</b> from # a threat-list IP',
      '2 Description',
      '2 Attachments (1)',
      '3 1. Event: PutBucketAcl (success) by threat-detection-wksp-compromised-ec2',
      '2 Comments (1)',
      '3 bob, 2026-08-01T10:06:00.000Z',
      '2 Activity (2)',
    ]);
  });

  it('shows status, close reason, severity, people and tags', () => {
    expect(md).toContain('- **Status:** closed (True positive)');
    expect(md).toContain('- **Severity:** high');
    expect(md).toContain('- **Assignees:** `alice`');
    expect(md).toContain('- **Tags:** `iam`, `<i>x</i>`');
  });

  it('shows every snapshot value literally in a code span, and that the source is gone', () => {
    const code = nodes(tree, 'inlineCode').map((n) => n.value);
    expect(code).toEqual(expect.arrayContaining(['[aws-cli/1.18.147 <img src=x onerror=alert(1)> `x`]', '34.219.77.88', '10.0.0.15', 'PutBucketAcl']));
    expect(md).toContain('no longer available');
  });

  it('keeps comments as Markdown and lists the activity', () => {
    expect(nodes(tree, 'strong').map(textOf)).toContain('reverted');
    expect(md).toContain('- 2026-08-01T10:07:00.000Z `bob` changed the status from open to closed (True positive)');
  });
});

describe('analystMarkdown, escaped angle brackets', () => {
  it('shows an escaped < as < and forms no HTML', () => {
    const tree = parse(analystMarkdown('a \\<img src=x onerror=alert(1)> b'));
    expect(nodes(tree, 'html')).toHaveLength(0);
    expect(visible(textOf(tree))).toBe('a <img src=x onerror=alert(1)> b');
  });
});

/** Markdown → HTML as a ticket system that renders raw HTML would do it (no sanitiser). */
function toHtml(markdown: string): string {
  return unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true }).processSync(markdown).toString();
}

const PAYLOADS = [
  '<img src="x" onerror="alert(1)">',
  '<script>alert(1)</script>',
  '<svg/onload=alert(1)>',
  '<!-- x --><iframe src=javascript:alert(1)>',
  '[link](javascript:alert(1))',
  '[link](JaVaScRiPt:alert(1))',
  '[link](jav&#x61;script:alert(1))',
  '[link](javascript\\:alert(1))',
  '[link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[ref]\n\n[ref]: vbscript:msgbox(1)',
  '<javascript:alert(1)>',
  '![pixel](https://attacker.example/track.png)',
  '![pixel][p]\n\n[p]: https://attacker.example/track.png',
  '&lt;img src=x onerror=alert(1)&gt;',
];
const NESTINGS: Array<(p: string) => string> = [
  (p) => p,
  (p) => `line1 \`open\nclose\` ${p} \`x\``,
  (p) => `\`\`a\n${p}\nb\`\``,
  (p) => `- item\n  \`\`\`\n${p}\n\`\`\``,
  (p) => `> quote \`\n${p}\``,
  (p) => `\`\`\`\n${p}\n\`\`\``,
  (p) => `    indented ${p}`,
  (p) => `* **${p}**`,
  (p) => `| a | ${p} |\n|---|---|`,
  (p) => `\\\`${p}\\\``,
];

describe('analystMarkdown rendered to HTML, whatever the nesting', () => {
  const cases = PAYLOADS.flatMap((payload) => NESTINGS.map((nest, n) => [n, payload, nest(payload)] as const));
  it.each(cases)('nesting %i of %j leaves no active HTML, script URL or remote image', (_n, _payload, markdown) => {
    const html = toHtml(analystMarkdown(markdown));
    expect(html).not.toMatch(/<(img|script|svg|iframe)\b/i);
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/(href|src)\s*=\s*"\s*(javascript|vbscript|data|file):/i);
    expect(html).not.toMatch(/<!--/);
  });

  it('keeps ordinary links and turns images into links', () => {
    const html = toHtml(analystMarkdown('See [the runbook](https://wiki.example/runbook) and ![graph](https://wiki.example/g.png)'));
    expect(html).toContain('<a href="https://wiki.example/runbook">the runbook</a>');
    expect(html).toContain('<a href="https://wiki.example/g.png">graph</a>');
  });

  it('the bypass of the first release: a code span across a line break', () => {
    const comment = 'line1 `open\nclose` <img src="x" onerror="alert(1)"> `x`';
    expect(toHtml(comment)).toMatch(/<img src="x" onerror="alert\(1\)">/);
    expect(toHtml(analystMarkdown(comment))).not.toMatch(/<img/);
  });
});
