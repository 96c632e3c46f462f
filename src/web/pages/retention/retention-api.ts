import type { CaseRetention, RetentionOverview } from '../../../contract/retention.js';
import type { LegalHoldGround } from '../../../domain/retention/legal-hold.js';
import { request } from '../../api/client.js';

/** The cached retention state: the school's page, and each case's status (under `cases`, so a case change refreshes it). */
export const retentionKeys = {
  overview: ['retention'] as const,
  ofCase: (caseId: string) => ['cases', 'retention', caseId] as const,
};

export function getRetentionOverview(): Promise<RetentionOverview> {
  return request('GET', '/api/retention');
}

export function setRetentionTerm(years: number): Promise<{ term: RetentionOverview['term'] }> {
  return request('PUT', '/api/retention/term', { years });
}

export function destroyCase(caseId: string): Promise<{ ok: true; destroyedAt: string }> {
  return request('POST', `/api/retention/cases/${encodeURIComponent(caseId)}/destroy`, {});
}

export function getCaseRetention(caseId: string): Promise<CaseRetention> {
  return request('GET', `/api/cases/${encodeURIComponent(caseId)}/retention`);
}

export function setLegalHold(caseId: string, ground: LegalHoldGround): Promise<CaseRetention> {
  return request('POST', `/api/cases/${encodeURIComponent(caseId)}/legal-hold`, { ground });
}

export function liftLegalHold(caseId: string): Promise<CaseRetention> {
  return request('POST', `/api/cases/${encodeURIComponent(caseId)}/legal-hold/lift`, {});
}
