import { CaseExportFormat } from '../../../common/case_types';
import { renderCaseMarkdown } from '../markdown_report';
import { get } from './get';
import { CasesClientArgs } from './types';

export interface CaseExport {
  contentType: string;
  filename: string;
  body: string | object;
}

/** The case as a downloadable file: a Markdown report, or the `Case` as JSON. */
export async function exportCase(args: CasesClientArgs, id: string, format: CaseExportFormat): Promise<CaseExport> {
  const c = await get(args, id);
  const name = `case-${id.replace(/[^A-Za-z0-9._-]/g, '_')}`;
  if (format === 'json') return { contentType: 'application/json; charset=utf-8', filename: `${name}.json`, body: c };
  return { contentType: 'text/markdown; charset=utf-8', filename: `${name}.md`, body: renderCaseMarkdown(c, args.now()) };
}
