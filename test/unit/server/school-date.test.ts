import { describe, expect, it } from 'vitest';
import { schoolYearOf } from '../../../src/domain/pupils/school-year.js';
import { schoolDate } from '../../../src/server/pupils/school-date.js';

describe("the school's today", () => {
  it('is the day in the Netherlands, not in UTC: just after midnight on 1 August the new school year has begun', () => {
    // 00:30 on 1 August in summer time (UTC+2) is still 31 July in UTC.
    const justAfterMidnight = new Date('2026-07-31T22:30:00Z');
    expect(schoolDate(justAfterMidnight)).toBe('2026-08-01');
    expect(schoolYearOf(schoolDate(justAfterMidnight)).label).toBe('2026-2027');
    const justBefore = new Date('2026-07-31T21:59:59Z');
    expect(schoolDate(justBefore)).toBe('2026-07-31');
    expect(schoolYearOf(schoolDate(justBefore)).label).toBe('2025-2026');
  });

  it('follows winter time too', () => {
    expect(schoolDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(schoolDate(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
  });
});
