import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, isAbortError } from '../services/http_error';
import { useAppServices } from '../services/app_services';

export interface RequestState<T> {
  data?: T;
  error?: string;
  loading: boolean;
  reload(): void;
}

/**
 * Runs `load` whenever `key` changes, cancels the previous request, and reports failures as a
 * toast carrying the server's message. `data` keeps the last good answer while reloading.
 */
export function useRequest<T>(key: string, load: (signal: AbortSignal) => Promise<T>, errorTitle: string): RequestState<T> {
  const { core } = useAppServices();
  const loadRef = useRef(load);
  loadRef.current = load;
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ data: s.data, loading: true }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, loading: false });
      },
      (e: unknown) => {
        if (controller.signal.aborted || isAbortError(e)) return;
        const message = errorMessage(e);
        core.notifications.toasts.addDanger({ title: errorTitle, text: message });
        setState((s) => ({ data: s.data, error: message, loading: false }));
      }
    );
    return () => controller.abort();
  }, [key, attempt, core, errorTitle]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
