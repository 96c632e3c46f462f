import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { WithholdingGround } from '../../../domain/access-requests/withholding-grounds.js';
import type { RequesterCapacity } from '../../../domain/access-requests/requester.js';

/** "Bescherming van het kind": a ground as people read it. */
export function useGroundLabel(): (ground: WithholdingGround) => string {
  const { t } = useTranslation();
  return useCallback((ground: WithholdingGround) => t(`accessRequests.grounds.${ground}`), [t]);
}

/** "Ouder — J. de Vries": who asked, in what capacity. */
export function useRequesterLabel(): (request: { capacity: RequesterCapacity; requesterName: string | null }) => string {
  const { t } = useTranslation();
  return useCallback(
    (request: { capacity: RequesterCapacity; requesterName: string | null }) => {
      const capacity = t(`accessRequests.capacities.${request.capacity}`);
      return request.requesterName ? `${capacity} — ${request.requesterName}` : capacity;
    },
    [t],
  );
}
