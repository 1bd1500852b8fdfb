import type { Row } from '../../api/types';
import { cellText } from '../../lib/format';
import { isStatusColumn } from '../../lib/status';
import type { DisplayColumn } from './listView';

const MIN_CH = 5;
const MAX_CH: Record<string, number> = { name: 64, namespace: 32, default: 48 };

function textOf(col: DisplayColumn, r: Row): string {
  if (col.kind === 'namespace') return r.namespace ?? '';
  if (col.kind === 'age') return '00d00h';
  return cellText(r.cells[col.index]);
}

/**
 * Column widths in `ch`, from the header and a sample of rows (the 95th
 * percentile of lengths, so one long value does not blow a column up).
 * Fixed widths keep columns still while rows scroll in and out.
 */
export function columnWidths(cols: readonly DisplayColumn[], rows: readonly Row[], sample = 400): number[] {
  const step = Math.max(1, Math.floor(rows.length / sample));
  const picked: Row[] = [];
  for (let i = 0; i < rows.length && picked.length < sample; i += step) {
    const r = rows[i];
    if (r) picked.push(r);
  }
  return cols.map((col) => {
    const lengths = picked.map((r) => textOf(col, r).length).sort((a, b) => a - b);
    const p95 = lengths.length ? (lengths[Math.min(lengths.length - 1, Math.floor(lengths.length * 0.95))] ?? 0) : 8;
    const max = col.format === 'name' ? MAX_CH.name : col.kind === 'namespace' ? MAX_CH.namespace : MAX_CH.default;
    const status = isStatusColumn(col.label) ? 2 : 0; // room for the status dot
    // Headers are uppercase (wider letters) with a sort icon; cells have 10px padding a side.
    const header = Math.ceil(col.label.length * 1.4) + 6;
    const want = Math.max(header, p95 + 3 + status);
    return Math.max(MIN_CH, Math.min(max ?? 48, want));
  });
}
