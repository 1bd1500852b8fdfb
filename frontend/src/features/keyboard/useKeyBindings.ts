// Registers a view's bindings while it is mounted (and enabled).
import { useEffect, useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import { keymap, type KeyBinding } from './keymap';

const signatureOf = (bs: readonly KeyBinding[]) =>
  bs.map((b) => `${b.id}|${b.keys.join(' ')}|${b.label}|${b.group}|${b.disabled ?? ''}`).join('\n');

/**
 * The bindings are read fresh on every key press (their closures may change
 * every render); the help dialog is told when what it lists changes.
 */
export function useKeyBindings(bindings: readonly KeyBinding[], enabled = true): void {
  const ref = useRef(bindings);
  useLayoutEffect(() => {
    ref.current = bindings;
  });
  const signature = signatureOf(bindings);
  useEffect(() => {
    if (!enabled) return;
    return keymap.register(() => ref.current);
  }, [enabled]);
  useEffect(() => keymap.changed(), [signature]);
}

/** The bindings registered now (newest first), live. */
export function useRegisteredBindings(): KeyBinding[] {
  return useSyncExternalStore(keymap.subscribe, keymap.bindings, keymap.bindings);
}
