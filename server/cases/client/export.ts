import { Case, CaseActivity, CaseComment, CaseExportFormat, CaseItemKind } from '../../../common/case_types';
import { renderCaseMarkdown } from '../markdown_report';
import { StoredAttachment } from '../types';
import { itemsPage, load, view, visibleActivityOf, withAvailability } from './view';
import { CasesClientArgs } from './types';

export interface CaseExport {
  contentType: string;
  filename: string;
  body: string | object;
}

/** Items read per request while exporting (all of a kind fit in the 10 000 result window: see CASE_LIMITS). */
const EXPORT_PAGE = 1000;

/** The case as a downloadable file: a Markdown report, or the `Case` as JSON, with all its items. */
export async function exportCase(args: CasesClientArgs, id: string, format: CaseExportFormat): Promise<CaseExport> {
  const c = await load(args, id);
  const shown = await view(args, c);
  const all = async (kind: CaseItemKind) => {
    const out: unknown[] = [];
    for (let page = 1; ; page++) {
      const res = await itemsPage(args, c, kind, { page, perPage: EXPORT_PAGE, sortOrder: 'asc' });
      out.push(...res.items);
      if (res.items.length < EXPORT_PAGE || out.length >= res.total) return out;
    }
  };
  const [attachments, comments, activity] = await Promise.all([all('attachment'), all('comment'), all('activity')]);
  // Attachments and the titles in the activity as the reader may see them (snapshot visibility), as in the view.
  const visibleAttachments = await withAvailability(args, attachments as StoredAttachment[]);
  const full: Case = {
    ...shown,
    attachments: visibleAttachments,
    comments: comments as CaseComment[],
    activity: await visibleActivityOf(args, c.id, activity as CaseActivity[], visibleAttachments),
  };
  const name = `case-${shown.id.replace(/[^A-Za-z0-9._-]/g, '_')}`;
  if (format === 'json') return { contentType: 'application/json; charset=utf-8', filename: `${name}.json`, body: full };
  return { contentType: 'text/markdown; charset=utf-8', filename: `${name}.md`, body: renderCaseMarkdown(full, args.now()) };
}
