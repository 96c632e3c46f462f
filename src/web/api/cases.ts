import type { z } from 'zod';
import type {
  CasePageResponse,
  RecordedEntryInput,
  ReportCheckResponse,
  ReportInput,
  WeighingAnswerInput,
  caseListResponse,
  decisionRequest,
  reportFeedbackRequest,
  signalBody,
  teamCandidatesResponse,
  teamRequest,
} from '../../contract/cases.js';
import type { WorrySubject } from '../../domain/cases/case-route.js';
import type { ClosingReason } from '../../domain/cases/closing.js';
import { request } from './client.js';

export type CaseList = z.infer<typeof caseListResponse>;
export type TeamCandidates = z.infer<typeof teamCandidatesResponse>;
export type SignalInput = z.input<typeof signalBody>;
export type TeamInput = z.input<typeof teamRequest>;
export type DecisionInput = z.input<typeof decisionRequest>;

const casePath = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;

/** Starts a case about a pupil with its first signal. */
export function startCase(pupilId: string, body: { worry: WorrySubject; firstSignal: SignalInput }): Promise<{ id: string }> {
  return request('POST', `/api/pupils/${encodeURIComponent(pupilId)}/cases`, body);
}

/** The cases about a pupil that the viewer may open (never staff-route cases). */
export function getPupilCases(pupilId: string): Promise<CaseList> {
  return request('GET', `/api/pupils/${encodeURIComponent(pupilId)}/cases`);
}

export function getCase(caseId: string): Promise<CasePageResponse> {
  return request('GET', casePath(caseId));
}

/** The cases one started or is on. */
export function getMyCases(): Promise<CaseList> {
  return request('GET', '/api/cases/mine');
}

/** The school's cases (IB'er and directie; no content). */
export function getSchoolCases(): Promise<CaseList> {
  return request('GET', '/api/cases');
}

/** The board's staff-route cases. */
export function getBoardCases(): Promise<CaseList> {
  return request('GET', '/api/board/cases');
}

export function recordEntry(caseId: string, entry: RecordedEntryInput): Promise<{ entryId: string }> {
  return request('POST', `${casePath(caseId)}/entries`, entry);
}

/** A correction is a new version of the entry, with the reason; the earlier one stays visible. */
export function correctEntry(caseId: string, entryId: string, body: Record<string, unknown>, reason: string): Promise<{ version: number }> {
  return request('PUT', `${casePath(caseId)}/entries/${encodeURIComponent(entryId)}`, { body, reason });
}

export function getTeamCandidates(caseId: string): Promise<TeamCandidates> {
  return request('GET', `${casePath(caseId)}/team-candidates`);
}

export function saveTeam(caseId: string, team: TeamInput): Promise<{ ok: true }> {
  return request('PUT', `${casePath(caseId)}/team`, team);
}

export function decideEscalation(caseId: string, decision: DecisionInput): Promise<{ ok: true }> {
  return request('POST', `${casePath(caseId)}/decision`, decision);
}

/** Emergency access: needs a fresh code (the server answers elevation-required otherwise). */
export function breakGlass(caseId: string, reason: string): Promise<{ ok: true }> {
  return request('POST', `${casePath(caseId)}/break-glass`, { reason });
}

/** Closes a case with a reason from the fixed list (and words where the reason asks for them). */
export function closeCase(caseId: string, reason: ClosingReason, explanation: string): Promise<{ ok: true }> {
  return request('POST', `${casePath(caseId)}/close`, { reason, explanation });
}

export function reopenCase(caseId: string, reason: string): Promise<{ ok: true }> {
  return request('POST', `${casePath(caseId)}/reopen`, { reason });
}

/** Step 5: one answer in the afwegingskader. Answering an earlier question again goes back; the later answers stay in the file. */
export function answerWeighingQuestion(caseId: string, body: WeighingAnswerInput): Promise<{ entryId: string }> {
  return request('POST', `${casePath(caseId)}/weighing`, body);
}

// ——— Step 5: the report to Veilig Thuis (melding) and its feedback ———


export type ReportFeedbackInput = z.input<typeof reportFeedbackRequest>;

/** What the meldcode expects and the file lacks, for the report as it would be saved. Saves nothing. */
export function checkReport(caseId: string, body: ReportInput): Promise<ReportCheckResponse> {
  return request('POST', `${casePath(caseId)}/report/check`, body);
}

/** The casushouder's report; with findings, each needs a reason in `proceedReasons` unless the report is acute. */
export function recordReport(caseId: string, body: ReportInput): Promise<{ entryId: string }> {
  return request('POST', `${casePath(caseId)}/report`, body);
}

/** The feedback Veilig Thuis gave on the report. */
export function recordReportFeedback(caseId: string, body: ReportFeedbackInput): Promise<{ entryId: string }> {
  return request('POST', `${casePath(caseId)}/report-feedback`, body);
}

/** Records that the casushouder registered the pupil in the verwijsindex (the date only). */
export function registerRiskIndex(caseId: string, registeredOn: string): Promise<{ entryId: string; activeUntil: string }> {
  return request('POST', `${casePath(caseId)}/risk-index-registration`, { registeredOn });
}
