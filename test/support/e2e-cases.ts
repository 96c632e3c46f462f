import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** A day as the school counts it (yyyy-mm-dd), `offsetDays` from today. */
export function schoolDay(offsetDays = 0): string {
  const date = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** "2026-09-08" → "08-09-2026", as the page writes a date. */
export function dutch(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}

/** Someone the case's team can be formed from, as the team-candidates API lists them. */
export type TeamCandidate = { userId: string; name: string; suggestedTeamRole: string };

/** The teacher (Sanne de Wit) starts a case about the home situation through the API, with a first signal seen today in class; gives its id. */
export async function startCase(url: string, teacher: Page, pupilId: string, signal: { source: 'own-observation' | 'child-told'; description: string }): Promise<string> {
  const started = await teacher.request.post(`${url}/api/pupils/${pupilId}/cases`, {
    headers: { Origin: url },
    data: {
      worry: 'home-situation',
      firstSignal: {
        observedOn: schoolDay(),
        observedTime: null,
        place: 'In de klas',
        observedBy: 'Sanne de Wit',
        source: signal.source,
        sourceDetail: null,
        description: signal.description,
        counterIndications: null,
        signalItemIds: [],
        bodyMap: [],
      },
    },
  });
  expect(started.status(), await started.text()).toBe(201);
  return ((await started.json()) as { id: string }).id;
}

/**
 * The IB'er forms the case's team from the people named, with the proposed casushouder (when
 * `casushouder` is given, checked to be that person); gives all the candidates.
 */
export async function formTeam(url: string, ib: Page, caseId: string, names: string[], options: { casushouder?: string } = {}): Promise<TeamCandidate[]> {
  const candidates = await ib.request.get(`${url}/api/cases/${caseId}/team-candidates`);
  expect(candidates.status(), await candidates.text()).toBe(200);
  const { candidates: people, proposedCasushouderId } = (await candidates.json()) as { candidates: TeamCandidate[]; proposedCasushouderId: string };
  const members = people.filter((p) => names.includes(p.name)).map((p) => ({ userId: p.userId, teamRole: p.suggestedTeamRole }));
  expect(members).toHaveLength(names.length);
  if (options.casushouder !== undefined) expect(people.find((p) => p.userId === proposedCasushouderId)?.name).toBe(options.casushouder);
  const team = await ib.request.put(`${url}/api/cases/${caseId}/team`, { headers: { Origin: url }, data: { members, casushouderId: proposedCasushouderId } });
  expect(team.status(), await team.text()).toBe(200);
  return people;
}

/** The casushouder decides in step 3 to report now, through the API. */
export async function decideToReport(url: string, casushouder: Page, caseId: string, reasoning: string): Promise<void> {
  const decided = await casushouder.request.post(`${url}/api/cases/${caseId}/decision`, {
    headers: { Origin: url },
    data: { decision: 'report-now', reasoning },
  });
  expect(decided.status(), await decided.text()).toBe(200);
}

/** Opens the case page with the step unfolded, and waits until the panel with this test id shows. */
export async function openCaseStep(url: string, page: Page, caseId: string | undefined, step: number, panelTestId: string): Promise<void> {
  await page.goto(`${url}/casussen/${caseId}`);
  await expect.poll(() => page.getByTestId('case-heading').count()).toBe(1);
  const toggle = page.locator(`[data-testid="case-step"][data-step="${step}"]`).getByTestId('case-step-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect.poll(() => page.getByTestId(panelTestId).isVisible()).toBe(true);
}
