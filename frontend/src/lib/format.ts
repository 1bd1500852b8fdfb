import { currentLanguage } from '../i18n';

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: string): Intl.NumberFormat {
  let f = numberFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang);
    numberFormats.set(lang, f);
  }
  return f;
}

/** 1234 → "1,234" (English), "1.234" (German): the current UI language's digits and grouping. */
export function formatCount(n: number, lang: string = currentLanguage()): string {
  return numberFormat(lang).format(n);
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** A date and time in the current UI language ("Nov 28, 2026, 12:00:00 PM", "28.11.2026, 12:00:00"). */
export function formatDateTime(t: number | Date, lang: string = currentLanguage()): string {
  let f = dateTimeFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium' });
    dateTimeFormats.set(lang, f);
  }
  return f.format(t);
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** A time of day in the current UI language, on a 24-hour clock ("14:05"; Japanese "14:05" too). */
export function formatTime(t: number | Date, lang: string = currentLanguage()): string {
  let f = timeFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    timeFormats.set(lang, f);
  }
  return f.format(t);
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/** 3355443 → "3.2 MiB" (binary units, one decimal below 10, the UI language's digits). */
export function formatBytes(n: number, lang: string = currentLanguage()): string {
  let v = Math.max(0, n);
  let u = 0;
  while (v >= 1024 && u < BYTE_UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  const digits = u > 0 && v < 10 ? 1 : 0;
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(v)} ${BYTE_UNITS[u] ?? 'B'}`;
}

/** Display text of a table cell. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}
