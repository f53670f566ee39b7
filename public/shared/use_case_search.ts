import { useEffect, useState } from 'react';
import { CaseSummary } from '../../common/case_types';
import { useAppServices } from '../services/app_services';
import { errorMessage, isAbortError } from '../services/http_error';

/** Pauses typing before asking the server, so a search is one request, not one per key. */
const DEBOUNCE_MS = 250;
const PICKER_PAGE_SIZE = 20;

/** The most recently updated cases matching `term` (title, description or number). */
export function useCaseSearch(term: string): { cases: CaseSummary[]; total: number; loading: boolean; error?: string } {
  const { api } = useAppServices();
  const [state, setState] = useState<{ cases: CaseSummary[]; total: number; loading: boolean; error?: string }>({ cases: [], total: 0, loading: true });
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      api.findCases({ search: term, page: 1, perPage: PICKER_PAGE_SIZE, sortField: 'updatedAt', sortOrder: 'desc' }, controller.signal).then(
        (r) => setState({ cases: r.cases, total: r.total, loading: false }),
        (e) => {
          if (!controller.signal.aborted && !isAbortError(e)) setState({ cases: [], total: 0, loading: false, error: errorMessage(e) });
        }
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, term]);
  return state;
}
