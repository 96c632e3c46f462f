import type {
  AccessRequestExportResponse,
  AccessRequestFileResponse,
  AccessRequestListResponse,
  AccessRequestResponse,
  AccessRequestSummary,
  RegisterAccessRequest,
  WithholdingInput,
} from '../../contract/access-requests.js';
import { request } from './client.js';

const requestPath = (requestId: string) => `/api/access-requests/${encodeURIComponent(requestId)}`;

/** The pupil's access requests, with what was withheld on which ground. */
export function fetchAccessRequests(pupilId: string): Promise<AccessRequestListResponse> {
  return request('GET', `/api/pupils/${encodeURIComponent(pupilId)}/access-requests`);
}

export function registerAccessRequest(pupilId: string, body: RegisterAccessRequest): Promise<{ id: string }> {
  return request('POST', `/api/pupils/${encodeURIComponent(pupilId)}/access-requests`, body);
}

export function fetchAccessRequest(requestId: string): Promise<AccessRequestResponse> {
  return request('GET', requestPath(requestId));
}

/** Everything the school holds about the pupil, to choose what to withhold (asks for a fresh code). */
export function openAccessRequestFile(requestId: string): Promise<AccessRequestFileResponse> {
  return request('POST', `${requestPath(requestId)}/file`, {});
}

export function saveWithholdings(requestId: string, withholdings: readonly WithholdingInput[]): Promise<AccessRequestSummary> {
  return request('PUT', `${requestPath(requestId)}/withholdings`, { withholdings });
}

/** The export to hand over (asks for a fresh code). */
export function exportAccessRequest(requestId: string): Promise<AccessRequestExportResponse> {
  return request('POST', `${requestPath(requestId)}/export`, {});
}
