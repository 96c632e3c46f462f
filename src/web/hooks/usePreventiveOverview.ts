import { useQuery } from '@tanstack/react-query';
import { getPreventiveOverview } from '../api/pupils.js';
import { queryKeys } from '../api/query-keys.js';

/**
 * The start-of-year talks of the groups this person keeps (own groups for a teacher, the school for
 * the IB'er and directie). Ask only when /api/auth/me's 'preventive.overview' ability says it is
 * for this person: `enabled` is that ability, so the overview is never probed.
 */
export function usePreventiveOverview(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.preventiveOverview,
    queryFn: getPreventiveOverview,
    enabled,
    staleTime: 60_000,
  });
}
