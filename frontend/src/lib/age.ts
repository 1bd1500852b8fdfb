import { currentLanguage, i18n } from '../i18n';

type Unit = 'second' | 'minute' | 'hour' | 'day' | 'year';
type Part = [number, Unit];

/**
 * The parts of a duration the way kubectl prints ages (k8s.io/apimachinery
 * duration.HumanDuration): 45s, 3m5s, 12m, 5h3m, 20h, 4d2h, 30d, 2y13d, 9y.
 */
function durationParts(seconds: number): Part[] {
  const two = (a: number, ua: Unit, b: number, ub: Unit): Part[] => (b === 0 ? [[a, ua]] : [[a, ua], [b, ub]]);
  if (seconds < 120) return [[seconds, 'second']];
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) return two(minutes, 'minute', seconds % 60, 'second');
  if (minutes < 180) return [[minutes, 'minute']];
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) return two(hours, 'hour', minutes % 60, 'minute');
  if (hours < 48) return [[hours, 'hour']];
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) return two(days, 'day', hours % 24, 'hour');
  if (hours < 24 * 365 * 2) return [[days, 'day']];
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) return two(years, 'year', days % 365, 'day');
  return [[years, 'year']];
}

const unitFormats = new Map<string, Intl.NumberFormat>();
function unitFormat(lang: string, unit: Unit): Intl.NumberFormat {
  const key = `${lang}/${unit}`;
  let f = unitFormats.get(key);
  if (!f) {
    // Each language says how short its units are (English "5m", Japanese "5 分").
    const display = i18n.t('common.durationUnits', { lng: lang }) === 'short' ? 'short' : 'narrow';
    f = new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: display });
    unitFormats.set(key, f);
  }
  return f;
}

/**
 * Formats a duration like kubectl prints ages, in the language's narrow units (Intl):
 * English "3m5s" (kubectl's own), German "3 Min. 5 Sek.", Japanese "3 分 5 秒".
 */
export function humanDuration(ms: number, lang: string = currentLanguage()): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  const parts = durationParts(Math.max(0, seconds)).map(([n, unit]) => unitFormat(lang, unit).format(n));
  // Units written without a space ("3m", "3分") run together as kubectl does; spaced ones keep a space.
  return parts.join(parts.some((p) => /\s/.test(p)) ? ' ' : '');
}

/** Milliseconds since epoch of an RFC 3339 timestamp, or NaN. */
export function parseTime(created: string | undefined): number {
  return created ? Date.parse(created) : Number.NaN;
}

/** The kubectl-style age of something created at `created`, seen at `now`. */
export function formatAge(created: string | undefined, now: number, lang: string = currentLanguage()): string {
  const t = parseTime(created);
  return Number.isNaN(t) ? '<unknown>' : humanDuration(now - t, lang);
}

/** How often an age shown with formatAge changes: ticks fast for young objects only. */
export function ageTickMs(ageMs: number): number {
  return ageMs < 10 * 60_000 ? 1000 : ageMs < 3 * 3_600_000 ? 15_000 : 60_000;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, y: 365 * 86400 };

/** Seconds in a kubectl-style duration ("5m3s", "4d", "2y13d"); NaN when it is not one. */
export function parseHumanDuration(text: string): number {
  const t = text.trim();
  if (!/^(\d+[smhdy])+$/.test(t)) return Number.NaN;
  let total = 0;
  for (const m of t.matchAll(/(\d+)([smhdy])/g)) total += Number(m[1]) * (UNIT_SECONDS[m[2] ?? 's'] ?? 1);
  return total;
}
