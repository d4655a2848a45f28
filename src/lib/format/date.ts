import { SITE } from '../../site.config.ts';

const longDate = new Intl.DateTimeFormat(SITE.locale, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: SITE.timeZone,
});

/** "29 novembre 2026": the date as an Italian reader expects it, in Rome's time zone. */
export function formatDate(date: Date): string {
  return longDate.format(date);
}

// Made once: a formatter costs ~0.4 ms to create, which every date of every page paid (~0.9 s of a 1,000-article build).
const dayParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: SITE.timeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The `datetime` attribute of a `<time>` element: the calendar day in Rome. */
export function isoDay(date: Date): string {
  const parts = Object.fromEntries(dayParts.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const dateTime = new Intl.DateTimeFormat(SITE.locale, {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: SITE.timeZone,
});

/** "29/11/2026, 23:55": a moment as the team reads it, in Rome's time zone. */
export function formatDateTime(date: Date): string {
  return dateTime.format(date);
}
