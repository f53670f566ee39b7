import { CaseFromIncidentRequest, CaseFromIncidentResponse } from '../../../common/case_types';
import { CaseObservable, CaseObservablesResponse, UpdateObservableRequest } from '../../../common/observable_types';
import { SeenInCases } from '../../../common/incident_types';
import { createCaseFromIncident } from './from_incident';
import { caseObservables, seenInCases, setObservableFlags } from './observables';
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
import {
  AddCaseTaskRequest,
  BulkCasesRequest,
  BulkCasesResponse,
  CaseMetricsResponse,
  CaseTemplate,
  CaseTemplateBody,
  CaseTemplatesResponse,
  UpdateCaseTaskRequest,
} from '../../../common/case_template_types';
import { createTemplate, listTemplates, updateTemplate } from './templates';
import { bulk } from './bulk';
import { metrics } from './metrics';
import { addTask, updateTask } from './tasks';
import { create } from './create';
import { deleteCase } from './delete';
import { CaseExport, exportCase } from './export';
import { find } from './find';
import { get } from './get';
import { update } from './update';
import { listItems } from './view';
import { mergeCases } from './merge';
import { MergeCaseRequest, MergeCaseResponse } from '../../../common/case_types';
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
  createFromIncident(request: CaseFromIncidentRequest): Promise<CaseFromIncidentResponse>;
  observables(id: string): Promise<CaseObservablesResponse>;
  setObservableFlags(id: string, observableId: string, flags: UpdateObservableRequest): Promise<CaseObservable>;
  seenIn(groups: Array<Array<{ type: string; value: string }>>): Promise<SeenInCases[]>;
  addTask(id: string, request: AddCaseTaskRequest): Promise<Case>;
  updateTask(id: string, taskId: string, request: UpdateCaseTaskRequest): Promise<Case>;
  bulk(request: BulkCasesRequest): Promise<BulkCasesResponse>;
  metrics(query: CasesFindQuery): Promise<CaseMetricsResponse>;
  listTemplates(findingType?: string): Promise<CaseTemplatesResponse>;
  getTemplate(id: string): Promise<CaseTemplate>;
  createTemplate(body: CaseTemplateBody): Promise<CaseTemplate>;
  updateTemplate(id: string, body: CaseTemplateBody, version: string): Promise<CaseTemplate>;
  deleteTemplate(id: string): Promise<void>;
  /** One page of a case's comments, attachments or activity. */
  listItems(id: string, kind: CaseItemKind, query: CaseItemsQuery): Promise<CaseItemsPage<CaseAttachment | CaseComment | CaseActivity>>;
  /** Merges another case into this one (merge.ts). */
  merge(id: string, request: MergeCaseRequest): Promise<MergeCaseResponse>;
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
    createFromIncident: (request) => createCaseFromIncident(args, request),
    observables: (id) => caseObservables(args, id),
    setObservableFlags: (id, observableId, flags) => setObservableFlags(args, id, observableId, flags),
    seenIn: (groups) => seenInCases(args, groups),
    addTask: (id, request) => addTask(args, id, request),
    updateTask: (id, taskId, request) => updateTask(args, id, taskId, request),
    bulk: (request) => bulk(args, request),
    metrics: (query) => metrics(args, query),
    listTemplates: (findingType) => listTemplates(args, findingType),
    getTemplate: (id) => args.templates.get(id),
    createTemplate: (body) => createTemplate(args, body),
    updateTemplate: (id, body, version) => updateTemplate(args, id, body, version),
    deleteTemplate: (id) => args.templates.delete(id),
    listItems: (id, kind, query) => listItems(args, id, kind, query),
    merge: (id, request) => mergeCases(args, id, request),
  };
}
