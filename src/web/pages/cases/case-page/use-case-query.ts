import { useQuery } from '@tanstack/react-query';
import { getCase } from '../../../api/cases.js';
import { ApiError } from '../../../api/client.js';
import { queryKeys } from '../../../api/query-keys.js';

/** The case page's data. A case one may not open answers 404; one an IB'er or director may open in an emergency, 403. */
export function useCaseQuery(caseId: string) {
  const query = useQuery({
    queryKey: queryKeys.caseItem(caseId),
    queryFn: () => getCase(caseId),
    staleTime: 0,
    // A case that answered 404 or 403 stays as it is: looking again would only reset the page.
    refetchOnWindowFocus: (q) => q.state.data !== undefined,
  });
  const error = query.error;
  const breakGlassAvailable = error instanceof ApiError && error.status === 403 && error.code === 'break-glass-available';
  const notFound = error instanceof ApiError && error.status === 404;
  return { query, breakGlassAvailable, notFound };
}
