import { CaseFromIncidentRequest, CaseFromIncidentResponse } from '../../../common/case_types';
import { CaseObservable, CaseObservablesResponse, UpdateObservableRequest } from '../../../common/observable_types';
import { SeenInCases } from '../../../common/incident_types';
import { createCaseFromIncident } from './from_incident';
import { caseObservables, seenInCases, setObservableFlags } from './observables';
import { AddAttachmentRequest, AddCommentRequest, Case, CaseExportFormat, CasesFindQuery, CasesFindResponse, CreateCaseRequest, UpdateCaseRequest } from '../../../common/case_types';
import { addAttachment } from './add_attachment';
import { addComment } from './add_comment';
import { create } from './create';
import { deleteCase } from './delete';
import { CaseExport, exportCase } from './export';
import { find } from './find';
import { get } from './get';
import { update } from './update';
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
  };
}
