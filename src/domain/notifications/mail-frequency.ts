/** How often a person wants their notifications by e-mail. */
export const MAIL_FREQUENCIES = ['immediate', 'daily', 'none'] as const;
export type MailFrequency = (typeof MAIL_FREQUENCIES)[number];

/** A new account gets one mail a day at most: enough to notice, not a stream of mail about children. */
export const DEFAULT_MAIL_FREQUENCY: MailFrequency = 'daily';

/** The daily digest leaves at this hour of the school's day, before school starts. */
export const DIGEST_HOUR = 7;

export function isMailFrequency(value: string): value is MailFrequency {
  return (MAIL_FREQUENCIES as readonly string[]).includes(value);
}

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZoneName: 'longOffset',
});

/** The school's date (yyyy-mm-dd) and its offset from UTC in minutes at `at`. */
function amsterdam(at: Date): { date: string; offsetMinutes: number } {
  const parts = Object.fromEntries(PARTS.formatToParts(at).map((p) => [p.type, p.value]));
  const offset = /GMT([+-])(\d{2}):(\d{2})/.exec(parts['timeZoneName'] ?? '');
  const offsetMinutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  return { date: `${parts['year']}-${parts['month']}-${parts['day']}`, offsetMinutes };
}

function digestOn(date: string): Date {
  // 07:00 on that day in Amsterdam: take the offset that holds at that moment (DST changes at 02:00/03:00).
  const guess = new Date(`${date}T${String(DIGEST_HOUR).padStart(2, '0')}:00:00Z`);
  return new Date(guess.getTime() - amsterdam(guess).offsetMinutes * 60_000);
}

/** When the next daily digest after `now` leaves, and the school's date it is for. */
export function nextDigest(now: Date): { at: Date; on: string } {
  const today = amsterdam(now).date;
  const todays = digestOn(today);
  if (todays.getTime() > now.getTime()) return { at: todays, on: today };
  const tomorrow = new Date(`${today}T12:00:00Z`);
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  const on = tomorrow.toISOString().slice(0, 10);
  return { at: digestOn(on), on };
}

/**
 * When the mail about a notification made at `now` should leave, and the key that makes that one mail
 * per person per moment: at once (one job per notification, which also takes any others still waiting),
 * in the next daily digest, or never.
 */
export function mailPlan(frequency: MailFrequency, now: Date, userId: string, notificationId: string): { runAt: Date; key: string } | null {
  switch (frequency) {
    case 'immediate':
      return { runAt: now, key: `mail:${userId}:now:${notificationId}` };
    case 'daily': {
      const digest = nextDigest(now);
      return { runAt: digest.at, key: `mail:${userId}:digest:${digest.on}` };
    }
    case 'none':
      return null;
  }
}
