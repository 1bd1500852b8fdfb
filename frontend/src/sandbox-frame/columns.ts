// List column values, computed in the background frame for the host: the
// column's value(object) for every object of a request, in time slices
// (the frame yields between them, so a 10,000-row request does not keep it
// from answering pings or other requests). A throwing value function fails
// the column: the reply carries the error and the values computed so far.
import type { ColumnValues, WireObject } from '../features/plugins/sandbox/protocol';
import type { ListColumnDef } from '../features/plugins/types';

export interface Slicing {
  /** Work this long (ms) before yielding. */
  sliceMs: number;
  /** Look at the clock every this many objects. */
  checkEvery: number;
  now: () => number;
  /** Waits for the next task (other messages are handled meanwhile). */
  yieldTask: () => Promise<void>;
}

/** A macrotask through a MessageChannel (not clamped or throttled like timers in hidden frames). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

export const defaultSlicing: Slicing = { sliceMs: 8, checkEvery: 64, now: () => performance.now(), yieldTask: nextTask };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** A cell as the host shows it: a string or a number, anything else is empty. */
function cell(v: unknown): string | number | null {
  return typeof v === 'string' || typeof v === 'number' ? v : null;
}

export async function columnValues(
  def: ListColumnDef,
  objects: readonly unknown[],
  slicing: Slicing = defaultSlicing,
): Promise<{ values: ColumnValues; error?: string }> {
  const values: ColumnValues = {};
  let sliceStart = slicing.now();
  for (let i = 0; i < objects.length; i++) {
    if (i > 0 && i % slicing.checkEvery === 0 && slicing.now() - sliceStart >= slicing.sliceMs) {
      await slicing.yieldTask();
      sliceStart = slicing.now();
    }
    const entry = objects[i];
    if (!isObj(entry) || typeof entry.key !== 'string' || !isObj(entry.object)) continue;
    try {
      values[entry.key] = cell(def.value(entry.object as WireObject));
    } catch (e) {
      return { values, error: `${def.header}: ${errorText(e)}` };
    }
  }
  return { values };
}
