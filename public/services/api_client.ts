import {
  AddAttachmentRequest,
  Case,
  MergeCaseResponse,
  CaseExportFormat,
  CaseFromIncidentRequest,
  CaseFromIncidentResponse,
  CaseItemsPage,
  CaseSeverity,
  CaseSortField,
  CasesFindResponse,
  CaseStatus,
  CreateCaseRequest,
  UpdateCaseRequest,
} from '../../common/case_types';
import {
  AddCaseTaskRequest,
  BulkCasesRequest,
  BulkCasesResponse,
  CaseMetricsResponse,
  CaseTemplate,
  CaseTemplateBody,
  CaseTemplatesResponse,
  UpdateCaseTaskRequest,
} from '../../common/case_template_types';
import { API_PATHS } from '../../common/constants';
import { IncidentsResponse, SeenInCases } from '../../common/incident_types';
import { CaseObservable, CaseObservablesResponse, UpdateObservableRequest } from '../../common/observable_types';
import { DocRef, DocumentResponse, FindingsResponse, InvestigateRequest, Investigation, Severity } from '../../common/types';
import { HttpQuery, HttpResponse, HttpSetup } from '../types';

export interface FindingsParams {
  /** ISO 8601 or date math (`now-7d`), as the super date picker gives them. */
  from: string;
  to: string;
  query?: string;
  severity?: Severity[];
  page: number;
  perPage: number;
  sortField: 'timestamp' | 'severity';
  sortOrder: 'asc' | 'desc';
}

export interface IncidentsParams {
  from: string;
  to: string;
  /** Sliding window such as "24h"; the server's default when absent. */
  window?: string;
  page: number;
  perPage: number;
}

export interface CasesListParams {
  search?: string;
  status?: CaseStatus[];
  severity?: CaseSeverity[];
  tag?: string[];
  assignee?: string[];
  /** 1-based. */
  page: number;
  perPage: number;
  sortField?: CaseSortField;
  sortOrder?: 'asc' | 'desc';
}

export interface CaseExportFile {
  filename: string;
  contentType: string;
  text: string;
}

/** The list's query: repeated keys for list filters (tags and assignees may contain commas). */
function casesQuery(params: CasesListParams, paging = true): HttpQuery {
  const { search, status, severity, tag, assignee, ...rest } = params;
  return {
    ...(paging ? rest : {}),
    ...(search?.trim() ? { search: search.trim() } : {}),
    ...(status?.length ? { status } : {}),
    ...(severity?.length ? { severity } : {}),
    ...(tag?.length ? { tag } : {}),
    ...(assignee?.length ? { assignee } : {}),
  };
}

/** The security plugin's "current tenant" endpoint; it exists only when multi-tenancy is on. */
export const MULTITENANCY_TENANT_PATH = '/api/v1/multitenancy/tenant';

/** The plugin's HTTP API (common/constants.ts API_PATHS) over OSD's `core.http`. */
export class InvestigationsApi {
  constructor(private readonly http: HttpSetup) {}

  findings(params: FindingsParams, signal?: AbortSignal): Promise<FindingsResponse> {
    const { query, severity, ...rest } = params;
    return this.http.get<FindingsResponse>(API_PATHS.findings, {
      query: {
        ...rest,
        ...(query?.trim() ? { query: query.trim() } : {}),
        ...(severity?.length ? { severity: severity.join(',') } : {}),
      },
      signal,
    });
  }

  incidents(params: IncidentsParams, signal?: AbortSignal): Promise<IncidentsResponse> {
    const { window, ...rest } = params;
    return this.http.get<IncidentsResponse>(API_PATHS.incidents, { query: { ...rest, ...(window ? { window } : {}) }, signal });
  }

  createCaseFromIncident(request: CaseFromIncidentRequest): Promise<CaseFromIncidentResponse> {
    return this.http.post<CaseFromIncidentResponse>(API_PATHS.casesFromIncident, { body: JSON.stringify(request) });
  }

  caseObservables(id: string, signal?: AbortSignal): Promise<CaseObservablesResponse> {
    return this.http.get<CaseObservablesResponse>(API_PATHS.caseObservables(id), { signal });
  }

  /** "Seen in N cases" for each group of entities (at most 100 groups, 500 entities in all). */
  seenIn(groups: Array<Array<{ type: string; value: string }>>, signal?: AbortSignal): Promise<SeenInCases[]> {
    return this.http.post<SeenInCases[]>(API_PATHS.seenInCases, { body: JSON.stringify({ groups }), signal });
  }

  setObservableFlags(caseId: string, observableId: string, flags: UpdateObservableRequest): Promise<CaseObservable> {
    return this.http.patch<CaseObservable>(API_PATHS.caseObservable(caseId, observableId), { body: JSON.stringify(flags) });
  }

  investigate(request: InvestigateRequest, signal?: AbortSignal): Promise<Investigation> {
    return this.http.post<Investigation>(API_PATHS.investigate, { body: JSON.stringify(request), signal });
  }

  document(ref: DocRef, signal?: AbortSignal): Promise<DocumentResponse> {
    return this.http.get<DocumentResponse>(API_PATHS.document, { query: { index: ref.index, id: ref.id }, signal });
  }

  findCases(params: CasesListParams, signal?: AbortSignal): Promise<CasesFindResponse> {
    return this.http.get<CasesFindResponse>(API_PATHS.cases, { query: casesQuery(params), signal });
  }

  /** Time to acknowledge / to close per severity over the list's filters (paging ignored). */
  caseMetrics(params: CasesListParams, signal?: AbortSignal): Promise<CaseMetricsResponse> {
    const { page: _p, perPage: _pp, sortField: _s, sortOrder: _o, ...filters } = params;
    return this.http.get<CaseMetricsResponse>(API_PATHS.caseMetrics, { query: casesQuery({ ...filters, page: 1, perPage: 1 }, false), signal });
  }

  bulkCases(request: BulkCasesRequest): Promise<BulkCasesResponse> {
    return this.http.post<BulkCasesResponse>(API_PATHS.casesBulk, { body: JSON.stringify(request) });
  }

  caseTemplates(findingType?: string, signal?: AbortSignal): Promise<CaseTemplatesResponse> {
    return this.http.get<CaseTemplatesResponse>(API_PATHS.caseTemplates, { query: findingType ? { findingType } : {}, signal });
  }

  createCaseTemplate(body: CaseTemplateBody): Promise<CaseTemplate> {
    return this.http.post<CaseTemplate>(API_PATHS.caseTemplates, { body: JSON.stringify(body) });
  }

  updateCaseTemplate(id: string, body: CaseTemplateBody, version: string): Promise<CaseTemplate> {
    return this.http.put<CaseTemplate>(API_PATHS.caseTemplate(id), { body: JSON.stringify({ ...body, version }) });
  }

  deleteCaseTemplate(id: string): Promise<void> {
    return this.http.delete<void>(API_PATHS.caseTemplate(id));
  }

  addCaseTask(id: string, request: AddCaseTaskRequest): Promise<Case> {
    return this.http.post<Case>(API_PATHS.caseTasks(id), { body: JSON.stringify(request) });
  }

  updateCaseTask(id: string, taskId: string, request: UpdateCaseTaskRequest): Promise<Case> {
    return this.http.patch<Case>(API_PATHS.caseTask(id, taskId), { body: JSON.stringify(request) });
  }

  createCase(request: CreateCaseRequest): Promise<Case> {
    return this.http.post<Case>(API_PATHS.cases, { body: JSON.stringify(request) });
  }

  getCase(id: string, signal?: AbortSignal): Promise<Case> {
    return this.http.get<Case>(API_PATHS.case(id), { signal });
  }

  /** One page of a case's comments, attachments or activity (newest first). */
  getCaseItems<T>(id: string, kind: 'comments' | 'attachments' | 'activity', page: number, perPage: number, signal?: AbortSignal): Promise<CaseItemsPage<T>> {
    return this.http.get<CaseItemsPage<T>>(API_PATHS.caseItems(id, kind), { query: { page, perPage, sortOrder: 'desc' }, signal });
  }

  /** A stale `version` is refused with 409 and changes nothing. */
  updateCase(id: string, request: UpdateCaseRequest): Promise<Case> {
    return this.http.patch<Case>(API_PATHS.case(id), { body: JSON.stringify(request) });
  }

  addAttachment(id: string, request: AddAttachmentRequest): Promise<Case> {
    return this.http.post<Case>(API_PATHS.caseAttachments(id), { body: JSON.stringify(request) });
  }

  /** Merges the case `sourceId` into `targetId` (docs/cases.md "Merging cases"). */
  mergeCase(targetId: string, sourceId: string): Promise<MergeCaseResponse> {
    return this.http.post<MergeCaseResponse>(API_PATHS.caseMerge(targetId), { body: JSON.stringify({ source: sourceId }) });
  }

  addComment(id: string, text: string): Promise<Case> {
    return this.http.post<Case>(API_PATHS.caseComments(id), { body: JSON.stringify({ text }) });
  }

  /** The export as text, with the file name the server chose (`content-disposition`). */
  async exportCase(id: string, format: CaseExportFormat): Promise<CaseExportFile> {
    const res = await this.http.get<HttpResponse<unknown>>(API_PATHS.caseExport(id), { query: { format }, asResponse: true });
    const disposition = res.response?.headers.get('content-disposition') ?? '';
    const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `case-${id}.${format === 'json' ? 'json' : 'md'}`;
    // core.http parses JSON answers; the file is the server's JSON, pretty-printed.
    const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body, null, 2);
    return { filename, contentType: format === 'json' ? 'application/json' : 'text/markdown', text };
  }

  /**
   * The user's current tenant as the security plugin names it in share links (`global`, `private`
   * or the tenant's name), or `null` when multi-tenancy is off or the answer is not a tenant.
   */
  async currentTenant(): Promise<string | null> {
    try {
      const tenant = await this.http.get<unknown>(MULTITENANCY_TENANT_PATH, { asSystemRequest: true });
      if (typeof tenant !== 'string') return null;
      if (tenant === '') return 'global';
      return tenant === '__user__' ? 'private' : tenant;
    } catch {
      return null;
    }
  }
}
