/** Dates as the dossier prints them: Dutch, in the school's time zone. */
const DATE = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' });
const DATE_TIME = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });

/** "29 november 2026" for a yyyy-mm-dd (a calendar day, not a moment: read as noon UTC so no zone moves it). */
export function formatDay(day: string): string {
  return remembered(days, day, () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
    const date = new Date(`${day}T12:00:00Z`);
    return Number.isNaN(date.getTime()) ? day : DATE.format(date);
  });
}

/** "29 november 2026 om 10:04" for an ISO moment. */
export function formatMoment(iso: string): string {
  return remembered(moments, iso, () => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : DATE_TIME.format(date);
  });
}

// Formatting with Intl is slow next to everything else in a dossier of hundreds of entries, and the
// same days recur: each text is made once per process (bounded, so a long-running server does not grow).
const days = new Map<string, string>();
const moments = new Map<string, string>();
function remembered(cache: Map<string, string>, key: string, make: () => string): string {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size > 5000) cache.clear();
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** Fills {{name}} placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}
