import {
  AddAttachmentRequest,
  AddCommentRequest,
  Case,
  CaseActivity,
  CaseAttachment,
  CaseComment,
  CaseExportFormat,
  CaseItemKind,
  CaseItemsPage,
  CaseItemsQuery,
  CasesFindQuery,
  CasesFindResponse,
  CreateCaseRequest,
  UpdateCaseRequest,
} from '../../../common/case_types';
import { addAttachment } from './add_attachment';
import { addComment } from './add_comment';
import { create } from './create';
import { deleteCase } from './delete';
import { CaseExport, exportCase } from './export';
import { find } from './find';
import { get } from './get';
import { update } from './update';
import { listItems } from './view';
import { CasesClientArgs } from './types';

/** Every operation on cases, for one request. The routes call this and nothing below it. */
export interface CasesClient {
  create(request: CreateCaseRequest): Promise<Case>;
  get(id: string): Promise<Case>;
  find(query: CasesFindQuery): Promise<CasesFindResponse>;
  update(id: string, request: UpdateCaseRequest): Promise<Case>;
  delete(id: string): Promise<void>;
  addAttachment(id: string, request: AddAttachmentRequest): Promise<Case>;
  addComment(id: string, request: AddCommentRequest): Promise<Case>;
  export(id: string, format: CaseExportFormat): Promise<CaseExport>;
  /** One page of a case's comments, attachments or activity. */
  listItems(id: string, kind: CaseItemKind, query: CaseItemsQuery): Promise<CaseItemsPage<CaseAttachment | CaseComment | CaseActivity>>;
}

export function createCasesClient(args: CasesClientArgs): CasesClient {
  return {
    create: (request) => create(args, request),
    get: (id) => get(args, id),
    find: (query) => find(args, query),
    update: (id, request) => update(args, id, request),
    delete: (id) => deleteCase(args, id),
    addAttachment: (id, request) => addAttachment(args, id, request),
    addComment: (id, request) => addComment(args, id, request),
    export: (id, format) => exportCase(args, id, format),
    listItems: (id, kind, query) => listItems(args, id, kind, query),
  };
}
