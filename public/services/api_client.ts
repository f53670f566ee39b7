import { API_PATHS } from '../../common/constants';
import { DocRef, DocumentResponse, FindingsResponse, InvestigateRequest, Investigation, Severity } from '../../common/types';
import { HttpSetup } from '../types';

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

  investigate(request: InvestigateRequest, signal?: AbortSignal): Promise<Investigation> {
    return this.http.post<Investigation>(API_PATHS.investigate, { body: JSON.stringify(request), signal });
  }

  document(ref: DocRef, signal?: AbortSignal): Promise<DocumentResponse> {
    return this.http.get<DocumentResponse>(API_PATHS.document, { query: { index: ref.index, id: ref.id }, signal });
  }
}
