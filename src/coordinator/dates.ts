/** A moment as a coordinator reads it: short date and time in the area's language. */
export function dateTimeIn(language: string, iso: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}
