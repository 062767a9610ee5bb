/** A moment as a coordinator reads it: short date and time in the area's language. */
export function dateTimeIn(language: string, iso: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

/** A date (YYYY-MM-DD) as a row of days shows it: short weekday, day and month ("ti 24.11."). */
export function dayIn(language: string, date: string): string {
  return new Intl.DateTimeFormat(language, { weekday: 'short', day: 'numeric', month: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}
