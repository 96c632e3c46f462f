import { useQuery } from '@tanstack/react-query';
import { useOutletContext } from 'react-router';
import type { MeResponse } from '../../contract/auth.js';
import { getMe } from '../api/auth.js';
import { queryKeys } from '../api/query-keys.js';

/** The signed-in person, their school and roles; a 401 error means: not (fully) signed in. */
export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: getMe });
}

/** For pages inside the signed-in layout, which has already loaded the person. */
export function useSignedInMe(): MeResponse {
  return useOutletContext<MeResponse>();
}
