// Feeds a list's objects to the background frames that compute plugin
// columns: the whole list once, in chunks of CHUNK objects, then only what a
// watch event changed (never the whole list again). Values arrive per chunk
// and are kept per column; a row's cell is empty until its value is known.
import type { ColumnValues, WireObject } from './protocol';

export const CHUNK = 500;

export interface FedColumn {
  /** The display column's id. */
  id: string;
  pluginId: string;
  /** The column's index in the plugin's registrations. */
  index: number;
}

export type Ask = (pluginId: string, column: number, objects: { key: string; object: WireObject }[]) => Promise<ColumnValues>;

/** The row key of an object, as the list stream keys rows (namespace/name, or name). */
export function objectKey(o: WireObject): string {
  const meta = typeof o.metadata === 'object' && o.metadata !== null ? (o.metadata as Record<string, unknown>) : {};
  const ns = typeof meta.namespace === 'string' ? meta.namespace : '';
  const name = typeof meta.name === 'string' ? meta.name : '';
  return ns ? `${ns}/${name}` : name;
}

export class ColumnFeed {
  /** Column id → row key → value. */
  readonly values = new Map<string, Map<string, string | number | null>>();
  private stopped = false;

  constructor(
    private readonly columns: readonly FedColumn[],
    private readonly ask: Ask,
    /** Called after values changed (once per answered chunk). */
    private readonly onChange: () => void,
    private readonly onError: (column: FedColumn, error: unknown) => void,
  ) {
    for (const c of columns) this.values.set(c.id, new Map());
  }

  private send(objects: { key: string; object: WireObject }[]): void {
    for (const c of this.columns) {
      this.ask(c.pluginId, c.index, objects).then(
        (vals) => {
          if (this.stopped) return;
          const m = this.values.get(c.id);
          for (const { key } of objects) {
            const v = vals[key];
            m?.set(key, typeof v === 'string' || typeof v === 'number' ? v : null);
          }
          this.onChange();
        },
        (e: unknown) => {
          if (!this.stopped) this.onError(c, e);
        },
      );
    }
  }

  /** The list as a whole (the first event of a watch, or after a reconnect): every object, in chunks. */
  all(objects: readonly WireObject[], first: ReadonlySet<string> = new Set()): void {
    const keyed = objects.map((object) => ({ key: objectKey(object), object }));
    // Rows known to be on screen go first.
    keyed.sort((a, b) => Number(first.has(b.key)) - Number(first.has(a.key)));
    const keep = new Set(keyed.map((o) => o.key));
    for (const m of this.values.values()) {
      for (const k of [...m.keys()]) if (!keep.has(k)) m.delete(k);
    }
    for (let i = 0; i < keyed.length; i += CHUNK) this.send(keyed.slice(i, i + CHUNK));
    if (keyed.length === 0) this.onChange();
  }

  /** One object was added or changed: only it is sent. */
  changed(object: WireObject): void {
    this.send([{ key: objectKey(object), object }]);
  }

  deleted(object: WireObject): void {
    const key = objectKey(object);
    for (const m of this.values.values()) m.delete(key);
    this.onChange();
  }

  stop(): void {
    this.stopped = true;
  }
}
