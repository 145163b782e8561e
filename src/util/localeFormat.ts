/**
 * Numbers and dates in the user's display language (vscode.env.language), by Intl.
 * Pure: the language is passed in, so that code without the vscode API formats the same way.
 */
export class LocaleFormat {
  readonly locale: string;

  constructor(language: string | undefined) {
    this.locale = supported(language) ?? 'en';
  }

  /** 1,234 in English, 1.234 in German. */
  number(n: number, options?: Intl.NumberFormatOptions): string {
    return new Intl.NumberFormat(this.locale, options).format(n);
  }

  /** A whole or one-decimal number: 2, 1.5. */
  decimal(n: number, maximumFractionDigits = 1): string {
    return this.number(n, { maximumFractionDigits });
  }

  /** A percentage of a fraction: 0.42 → 42%. */
  percent(fraction: number): string {
    return this.number(fraction, { style: 'percent', maximumFractionDigits: 0 });
  }

  date(when: number | Date, options: Intl.DateTimeFormatOptions): string {
    return new Intl.DateTimeFormat(this.locale, options).format(when);
  }

  /** "Mar 9", with the year when it is not the given year. */
  shortDate(when: number | Date, currentYear?: number): string {
    const d = new Date(when);
    const withYear = currentYear !== undefined && d.getFullYear() !== currentYear;
    return this.date(d, { month: 'short', day: 'numeric', ...(withYear ? { year: 'numeric' } : {}) });
  }

  /** The short weekday of a UTC calendar day such as "2026-03-09": "Mon". */
  weekdayOfDay(day: string): string | undefined {
    const date = new Date(`${day}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? undefined : this.date(date, { weekday: 'short', timeZone: 'UTC' });
  }

  /** A UTC calendar day such as "2026-03-09" as a medium date in the user's language. */
  calendarDay(day: string): string {
    const date = new Date(`${day}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? day : this.date(date, { dateStyle: 'medium', timeZone: 'UTC' });
  }

  /** A list joined the language's way: "a, b, and c". */
  list(items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
    return new Intl.ListFormat(this.locale, { style: 'long', type }).format(items);
  }
}

/** The language if Intl knows it; VS Code's ids ("zh-cn", "qps-ploc") are BCP 47 tags or close to them. */
function supported(language: string | undefined): string | undefined {
  if (!language) {return undefined;}
  try {
    return Intl.NumberFormat.supportedLocalesOf([language]).length > 0 ? language : undefined;
  } catch {
    return undefined;
  }
}
