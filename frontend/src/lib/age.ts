/**
 * Formats a duration the way kubectl prints ages (k8s.io/apimachinery
 * duration.HumanDuration): 45s, 3m5s, 12m, 5h3m, 20h, 4d2h, 30d, 2y13d, 9y.
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) {
    const dy = days % 365;
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${years}y`;
}

/** Milliseconds since epoch of an RFC 3339 timestamp, or NaN. */
export function parseTime(created: string | undefined): number {
  return created ? Date.parse(created) : Number.NaN;
}

/** The kubectl-style age of something created at `created`, seen at `now`. */
export function formatAge(created: string | undefined, now: number): string {
  const t = parseTime(created);
  return Number.isNaN(t) ? '<unknown>' : humanDuration(now - t);
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
