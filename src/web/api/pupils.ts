import type { PreventiveOverviewResponse, PupilPageResponse, PupilRecordResponse, PupilSearchResponse } from '../../contract/pupils.js';
import { request } from './client.js';

type Done = { ok: true };

export type PupilSex = 'm' | 'f' | 'x';
export type ParentContactKind = PupilPageResponse['parentContacts'][number]['kind'];

/** What the pupil form sends: the same body for adding a pupil and for correcting one. */
export type PupilBody = {
  pupilNumber: string;
  givenNames: string;
  callName: string;
  surnamePrefix: string;
  surname: string;
  dateOfBirth: string | null;
  sex: PupilSex | null;
  groupId: string | null;
  enrolledOn: string | null;
};

const pupilPath = (pupilId: string) => `/api/pupils/${encodeURIComponent(pupilId)}`;

/** Names are what is searched for: they go in the body, never in a URL (and so never in a log line). */
export function searchPupils(query: string, includeLeft = false): Promise<PupilSearchResponse> {
  return request('POST', '/api/pupils/search', { query, includeLeft });
}

export function getPupil(pupilId: string): Promise<PupilPageResponse> {
  return request('GET', pupilPath(pupilId));
}

/** The details the correction form needs, for whoever manages pupils but may not read the pupil page. */
export function getPupilRecord(pupilId: string): Promise<PupilRecordResponse> {
  return request('GET', `${pupilPath(pupilId)}/record`);
}

export function createPupil(body: PupilBody): Promise<{ id: string }> {
  return request('POST', '/api/pupils', body);
}

export function updatePupil(pupilId: string, body: PupilBody): Promise<Done> {
  return request('PUT', pupilPath(pupilId), body);
}

/** A date marks the pupil as left; null makes them a current pupil again. */
export function setPupilLeft(pupilId: string, leftOn: string | null): Promise<Done> {
  return request('POST', `${pupilPath(pupilId)}/leave`, { leftOn });
}

export function saveStartOfYearTalk(pupilId: string, body: { heldOn: string; guardianIds: string[]; notes: string }): Promise<Done> {
  return request('PUT', `${pupilPath(pupilId)}/start-of-year-talk`, body);
}

export function addParentContact(pupilId: string, body: { contactedOn: string; kind: ParentContactKind; notes: string }): Promise<{ id: string }> {
  return request('POST', `${pupilPath(pupilId)}/parent-contacts`, body);
}

export function getPreventiveOverview(): Promise<PreventiveOverviewResponse> {
  return request('GET', '/api/preventive/overview');
}
