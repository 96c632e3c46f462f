import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../api/client.js';
import { getPreventiveOverview } from '../api/pupils.js';
import { queryKeys } from '../api/query-keys.js';

/**
 * The start-of-year talks of the groups this person keeps (own groups for a teacher, the school for
 * the IB'er and directie). There is no ability flag for it: the answer itself says whether the
 * overview is for this person — 200 yes, 404 "not for you". The menu and the page share the cache.
 */
export function usePreventiveOverview(enabled = true) {
  return useQuery({
    queryKey: queryKeys.preventiveOverview,
    queryFn: getPreventiveOverview,
    enabled,
    staleTime: 60_000,
    // After a 404 ("not for you") there is nothing to look at again each time the window gets focus.
    refetchOnWindowFocus: (query) => query.state.data !== undefined,
  });
}

/** Whether the overview answered "not for you" (as opposed to a failure worth showing). */
export function isNotForYou(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
