import { useEffect, useState } from 'react';
import { SeenInCases } from '../../common/incident_types';
import { useAppServices } from '../services/app_services';

/**
 * "Seen in N cases" for each group of entities (a findings row, …), in one `POST /cases/seen_in`
 * once the groups are known. The badge is an extra: a failed lookup shows no badge, never an error.
 */
export function useSeenIn(groups: Array<Array<{ type: string; value: string }>> | undefined): SeenInCases[] | undefined {
  const { api } = useAppServices();
  const key = groups ? JSON.stringify(groups) : '';
  const [answer, setAnswer] = useState<{ key: string; seen: SeenInCases[] }>();
  useEffect(() => {
    if (!groups || !groups.some((g) => g.length)) return;
    const controller = new AbortController();
    api.seenIn(groups, controller.signal).then(
      (seen) => {
        if (!controller.signal.aborted) setAnswer({ key, seen });
      },
      () => undefined
    );
    return () => controller.abort();
    // `key` stands for `groups`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, api]);
  return answer?.key === key ? answer.seen : undefined;
}
