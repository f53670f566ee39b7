import {
  AddAttachmentRequest,
  Case,
  CaseExportFormat,
  CaseFromIncidentRequest,
  CaseFromIncidentResponse,
  CaseSeverity,
  CaseSortField,
  CasesFindResponse,
  CaseStatus,
  CreateCaseRequest,
  UpdateCaseRequest,
} from '../../common/case_types';
import { API_PATHS } from '../../common/constants';
import { IncidentsResponse } from '../../common/incident_types';
import { CaseObservable, CaseObservablesResponse, UpdateObservableRequest } from '../../common/observable_types';
import { DocRef, DocumentResponse, FindingsResponse, InvestigateRequest, Investigation, Severity } from '../../common/types';
import { HttpResponse, HttpSetup } from '../types';

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
    const { search, status, severity, tag, assignee, ...rest } = params;
    // Repeated keys for list filters: tags and assignees may contain commas.
    return this.http.get<CasesFindResponse>(API_PATHS.cases, {
      query: {
        ...rest,
        ...(search?.trim() ? { search: search.trim() } : {}),
        ...(status?.length ? { status } : {}),
        ...(severity?.length ? { severity } : {}),
        ...(tag?.length ? { tag } : {}),
        ...(assignee?.length ? { assignee } : {}),
      },
      signal,
    });
  }

  createCase(request: CreateCaseRequest): Promise<Case> {
    return this.http.post<Case>(API_PATHS.cases, { body: JSON.stringify(request) });
  }

  getCase(id: string, signal?: AbortSignal): Promise<Case> {
    return this.http.get<Case>(API_PATHS.case(id), { signal });
  }

  /** A stale `version` is refused with 409 and changes nothing. */
  updateCase(id: string, request: UpdateCaseRequest): Promise<Case> {
    return this.http.patch<Case>(API_PATHS.case(id), { body: JSON.stringify(request) });
  }

  addAttachment(id: string, request: AddAttachmentRequest): Promise<Case> {
    return this.http.post<Case>(API_PATHS.caseAttachments(id), { body: JSON.stringify(request) });
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
