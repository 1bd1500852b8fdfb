const nf = new Intl.NumberFormat('en-US');

/** 1234 → "1,234". */
export function formatCount(n: number): string {
  return nf.format(n);
}

/** "12 pods", "1 pod". */
export function countLabel(n: number, singular: string, plural: string): string {
  return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}

/** Display text of a table cell. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}
