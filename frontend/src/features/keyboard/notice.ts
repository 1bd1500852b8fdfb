// What a key did or why it did nothing, said in one live region.
import { useSyncExternalStore } from 'react';

export interface KeyNotice {
  text: string;
  tone: 'ok' | 'bad';
  id: number;
}

let current: KeyNotice | null = null;
let seq = 0;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | undefined;

function set(n: KeyNotice | null) {
  current = n;
  for (const l of listeners) l();
}

/** Shows a short message (cleared after 6 s). */
export function announce(text: string, tone: KeyNotice['tone'] = 'ok'): void {
  clearTimeout(timer);
  set({ text, tone, id: ++seq });
  timer = setTimeout(() => set(null), 6000);
}

export function dismissNotice(): void {
  clearTimeout(timer);
  set(null);
}

export function useKeyNotice(): KeyNotice | null {
  return useSyncExternalStore(
    (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    () => current,
    () => null,
  );
}
