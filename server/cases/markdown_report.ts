import { Case, CaseActivity, CaseAttachment, CLOSE_REASON_LABELS, orderedSnapshotFields } from '../../common/case_types';
import { DEFAULT_SOURCES } from '../../common/sources';

/**
 * A case as a Markdown report for a ticket or a post-incident review. Values that come from logs
 * (snapshots) or are free text in a single line (title, tags, users) are attacker-controllable: they
 * are put in code spans or backslash-escaped, so they render as text and never as Markdown or
 * HTML. The description and comments are the analysts' own Markdown and stay Markdown, with raw
 * HTML neutralised and any unclosed code fence closed so they cannot swallow the rest of the report.
 */
export function renderCaseMarkdown(c: Case, exportedAt: string): string {
  const out: string[] = [];
  out.push(`# ${escapeText(c.title)}`, '');
  out.push(`- **Case:** ${c.reference ? `${inlineCode(c.reference)} (id ${inlineCode(c.id)})` : inlineCode(c.id)}`);
  out.push(`- **Status:** ${c.status}${c.status === 'closed' && c.closeReason ? ` (${CLOSE_REASON_LABELS[c.closeReason]})` : ''}`);
  out.push(`- **Severity:** ${c.severity}`);
  out.push(`- **Assignees:** ${list(c.assignees)}`);
  out.push(`- **Tags:** ${list(c.tags)}`);
  out.push(`- **Created:** ${c.createdAt} by ${inlineCode(c.createdBy)}`);
  out.push(`- **Updated:** ${c.updatedAt} by ${inlineCode(c.updatedBy)}`);
  if (c.closedAt) out.push(`- **Closed:** ${c.closedAt}${c.closedBy ? ` by ${inlineCode(c.closedBy)}` : ''}`);
  out.push('', '## Description', '', c.description.trim() ? analystMarkdown(c.description) : '_No description._', '');

  out.push(`## Attachments (${c.attachments.length})`, '');
  if (c.attachments.length === 0) out.push('_None._', '');
  c.attachments.forEach((a, i) => out.push(...attachmentSection(a, i + 1)));

  out.push(`## Comments (${c.comments.length})`, '');
  if (c.comments.length === 0) out.push('_None._', '');
  for (const comment of c.comments) {
    out.push(`### ${escapeText(comment.createdBy)}, ${comment.createdAt}`, '', analystMarkdown(comment.text), '');
  }

  out.push(`## Activity (${c.activity.length})`, '');
  for (const entry of c.activity) out.push(`- ${entry.at} ${inlineCode(entry.by)} ${describeActivity(entry)}`);
  out.push('', `_Exported ${exportedAt} from OpenSearch Dashboards (Investigations)._`, '');
  return out.join('\n');
}

function attachmentSection(a: CaseAttachment, n: number): string[] {
  const s = a.snapshot;
  const lines = [`### ${n}. ${a.type === 'finding' ? 'Finding' : 'Event'}: ${escapeText(s.title)}`, ''];
  lines.push(`- **Document:** index ${inlineCode(a.ref.index)}, id ${inlineCode(a.ref.id)}`);
  if (s.source) lines.push(`- **Source:** ${DEFAULT_SOURCES[s.source].label}`);
  if (s.timestamp) lines.push(`- **Time:** ${inlineCode(s.timestamp)}`);
  lines.push(`- **Added:** ${a.addedAt} by ${inlineCode(a.addedBy)}`);
  if (a.available === false) lines.push('- **Source document:** no longer available; the snapshot below is what remains');
  lines.push(`- **Snapshot${s.truncated ? ' (truncated)' : ''}:**`);
  for (const [field, value] of orderedSnapshotFields(s)) {
    lines.push(`  - ${inlineCode(field)}: ${(Array.isArray(value) ? value : [value]).map(inlineCode).join(', ')}`);
  }
  lines.push('');
  return lines;
}

export function describeActivity(a: CaseActivity): string {
  switch (a.action) {
    case 'created':
      return 'created the case';
    case 'title_changed':
      return `renamed the case from ${inlineCode(a.from)} to ${inlineCode(a.to)}`;
    case 'description_changed':
      return 'edited the description';
    case 'status_changed':
      return `changed the status from ${a.from} to ${a.to}${a.closeReason ? ` (${CLOSE_REASON_LABELS[a.closeReason]})` : ''}`;
    case 'close_reason_changed':
      return `changed the close reason from ${CLOSE_REASON_LABELS[a.from]} to ${CLOSE_REASON_LABELS[a.to]}`;
    case 'severity_changed':
      return `changed the severity from ${a.from} to ${a.to}`;
    case 'tags_changed':
      return `changed the tags${changeList(a.added, a.removed, a.more)}`;
    case 'assignees_changed':
      return `changed the assignees${changeList(a.added, a.removed, a.more)}`;
    case 'attachment_added':
      return `attached ${a.attachmentType === 'finding' ? 'the finding' : 'the event'} ${inlineCode(a.title)} (index ${inlineCode(a.ref.index)}, id ${inlineCode(a.ref.id)})`;
    case 'comment_added':
      return 'commented';
    case 'task_added':
      return `added the task ${inlineCode(a.title)}`;
    case 'task_changed':
      return `${a.done === true ? 'completed' : a.done === false ? 'reopened' : 'changed'} the task ${inlineCode(a.title)}${
        a.assignee !== undefined ? (a.assignee ? ` (assigned to ${inlineCode(a.assignee)})` : ' (unassigned)') : ''
      }`;
    case 'close_fields_changed':
      return `filled in the close fields ${list(a.fields)}`;
    case 'migrated':
      return `moved the case to separate items (${a.comments} comments, ${a.attachments} attachments, ${a.activity} activity entries)`;
    case 'case_merged':
      return `merged case ${inlineCode(a.reference ?? a.caseId)} ${inlineCode(a.title)} into this one (${a.attachments} attachments, ${a.duplicates} already attached, ${a.comments} comments, ${a.activity} activity entries)`;
    case 'merged_into':
      return `merged this case into ${inlineCode(a.reference ?? a.caseId)} ${inlineCode(a.title)}`;
  }
}

function changeList(added: string[], removed: string[], more = 0): string {
  return `${added.length ? `: added ${list(added)}` : ''}${removed.length ? `${added.length ? ';' : ':'} removed ${list(removed)}` : ''}${more ? ` (and ${more} more)` : ''}`;
}

function list(values: string[]): string {
  return values.length ? values.map(inlineCode).join(', ') : '_none_';
}

/** Control characters, line breaks and bidi overrides would let a value break out of its line or disguise itself. */
function oneLine(value: string): string {
  return value
    .replace(/[\r\n\t\f\v\u2028\u2029]+/g, ' ')
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');
}

/** A value shown literally: a code span fenced with more backticks than the value contains. */
export function inlineCode(value: string): string {
  const v = oneLine(value);
  if (v === '') return '_(empty)_';
  const longestRun = Math.max(0, ...(v.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // CommonMark strips one space from each side when both are there, and needs one next to a backtick.
  const pad = v.startsWith('`') || v.endsWith('`') || (v.startsWith(' ') && v.endsWith(' ') && v.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${v}${pad}${fence}`;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Text in running Markdown (a heading): `&`, `<`, `>` as entities and the other Markdown
 * punctuation backslash-escaped. Only characters every Markdown dialect can escape are used (OUI's
 * remark-parse does not take `\\<`).
 */
export function escapeText(value: string): string {
  return oneLine(value)
    .replace(/[&<>]/g, (c) => ENTITIES[c])
    .replace(/[\\`*{}[\]()#+\-.!_|~]/g, '\\$&');
}

const ZWSP = '\u200B';

/**
 * An analyst's Markdown, kept as Markdown, defused for any renderer a ticket system may use:
 * - no raw HTML, autolink or comment can form: a `<` that could open one gets an invisible
 *   zero-width space after it;
 * - no character reference can form (so none can spell a tag or a `javascript:` scheme);
 * - no link can use a script scheme (`javascript:`, `vbscript:`, `data:`, `file:`);
 * - no image is fetched: `![…](…)` becomes a plain link.
 * These rules hold in text and in code alike, so no Markdown nesting (a code span across lines,
 * a fence inside a list item) can change what they guarantee; in code they are invisible. A code
 * fence left open is closed so it cannot turn the rest of the report into code.
 */
export function analystMarkdown(markdown: string): string {
  let fence: string | null = null;
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n').map((line) => {
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== null) {
      if (opener && opener[1][0] === fence[0] && opener[1].length >= fence.length && line.slice(opener[0].length).trim() === '') fence = null;
    } else if (opener && !(opener[1][0] === '`' && line.slice(opener[0].length).includes('`'))) {
      fence = opener[1];
    }
    return defuse(line);
  });
  if (fence !== null) lines.push(fence);
  return lines.join('\n');
}

const SCRIPT_SCHEME = /(javascript|vbscript|data|file)(\\?:)/gi;

function defuse(line: string): string {
  return line
    // `\<` is a literal `<` in CommonMark but not in every dialect (OUI's remark shows the backslash).
    .replace(/\\</g, '<')
    .replace(/<(?=[A-Za-z/!?])/g, `<${ZWSP}`)
    .replace(/&(?=[#A-Za-z])/g, `&${ZWSP}`)
    .replace(SCRIPT_SCHEME, `$1${ZWSP}$2`)
    .replace(/!(?=\[)/g, `!${ZWSP}`);
}
