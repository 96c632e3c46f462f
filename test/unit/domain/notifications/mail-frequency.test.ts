import { describe, expect, it } from 'vitest';
import { mailPlan, nextDigest } from '../../../../src/domain/notifications/mail-frequency.js';

describe('when notification mail leaves', () => {
  it('sends the daily digest at 07:00 school time, winter and summer', () => {
    // Winter: UTC+1 → 06:00Z. Before it: today; after it: tomorrow.
    expect(nextDigest(new Date('2026-11-30T05:59:00Z'))).toEqual({ at: new Date('2026-11-30T06:00:00Z'), on: '2026-11-30' });
    expect(nextDigest(new Date('2026-11-30T06:00:00Z'))).toEqual({ at: new Date('2026-12-01T06:00:00Z'), on: '2026-12-01' });
    // Summer: UTC+2 → 05:00Z.
    expect(nextDigest(new Date('2027-06-14T04:00:00Z'))).toEqual({ at: new Date('2027-06-14T05:00:00Z'), on: '2027-06-14' });
    // 23:30 in Amsterdam: the next digest is the next morning's.
    expect(nextDigest(new Date('2026-11-30T22:30:00Z'))).toEqual({ at: new Date('2026-12-01T06:00:00Z'), on: '2026-12-01' });
    // Across the change to summer time (last Sunday of March 2027 is the 28th).
    expect(nextDigest(new Date('2027-03-27T12:00:00Z'))).toEqual({ at: new Date('2027-03-28T05:00:00Z'), on: '2027-03-28' });
  });

  it('plans one mail per notification at once, one digest a day, or none', () => {
    const now = new Date('2026-11-30T10:00:00Z');
    expect(mailPlan('immediate', now, 'u1', 'n1')).toEqual({ runAt: now, key: 'mail:u1:now:n1' });
    expect(mailPlan('daily', now, 'u1', 'n1')).toEqual({ runAt: new Date('2026-12-01T06:00:00Z'), key: 'mail:u1:digest:2026-12-01' });
    expect(mailPlan('daily', now, 'u1', 'n2')?.key).toBe(mailPlan('daily', now, 'u1', 'n1')?.key);
    expect(mailPlan('daily', now, 'u2', 'n2')?.key).not.toBe(mailPlan('daily', now, 'u1', 'n1')?.key);
    expect(mailPlan('none', now, 'u1', 'n1')).toBeNull();
  });
});
