import type { BoardStatistics, SchoolStatistics } from '../../../contract/statistics.js';
import { request } from '../../api/client.js';

/** The cached figures, per view and school year. */
export const statisticsKeys = {
  school: (year: string) => ['statistics', 'school', year] as const,
  board: (year: string) => ['statistics', 'board', year] as const,
};

const query = (year: string) => (year ? `?schoolYear=${encodeURIComponent(year)}` : '');

export function getSchoolStatistics(year: string): Promise<SchoolStatistics> {
  return request('GET', `/api/statistics${query(year)}`);
}

export function getBoardStatistics(year: string): Promise<BoardStatistics> {
  return request('GET', `/api/statistics/board${query(year)}`);
}

/** The CSV download: a plain link, so the browser saves the file with the session cookie. */
export function csvUrl(view: 'school' | 'board', year: string): string {
  return `${view === 'school' ? '/api/statistics' : '/api/statistics/board'}/statistics.csv${query(year)}`;
}
