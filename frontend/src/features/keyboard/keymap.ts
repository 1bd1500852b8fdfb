// The one keymap: every shortcut of the app is a binding registered here (by
// the view that owns it, while it is on screen), and one window listener
// dispatches them. The help dialog lists what is registered, so the list and
// the keys can not drift apart.

export type KeyGroup = 'Global' | 'List' | 'Row' | 'Table' | 'Details';

export interface KeyBinding {
  /** Stable id ("search", "row.logs"). */
  id: string;
  /** Chords in display form: "Mod+K" (Ctrl or ⌘), "Ctrl+D", "Shift+K", "/", "?", "l", "Enter", "ArrowDown", "Space". */
  keys: readonly string[];
  /** What it does ("Open the command bar"). */
  label: string;
  group: KeyGroup;
  run: (e: KeyboardEvent) => void;
  /** Why it does nothing now: listed in the help dialog, and said when the key is pressed. */
  disabled?: string | undefined;
  /** A widget's own key: fires only while focus is inside this element (and there even before page keys). */
  within?: () => HTMLElement | null;
}

export interface Chord {
  key: string;
  mod: boolean;
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
}

const NAMED: Record<string, string> = { space: ' ', esc: 'Escape' };

/** "Mod+Shift+K" → {key: "k", mod, shift}. */
export function parseChord(s: string): Chord {
  const parts = s.split('+');
  // "+" itself as the key: "Shift++".
  const last = s.endsWith('++') ? '+' : (parts[parts.length - 1] ?? '');
  const mods = new Set(parts.slice(0, s.endsWith('++') ? -2 : -1).map((p) => p.toLowerCase()));
  const key = NAMED[last.toLowerCase()] ?? last;
  return {
    key: key.length === 1 ? key.toLowerCase() : key,
    mod: mods.has('mod'),
    ctrl: mods.has('ctrl'),
    shift: mods.has('shift'),
    alt: mods.has('alt'),
  };
}

const isLetter = (k: string) => k.length === 1 && k.toLowerCase() !== k.toUpperCase();

/** Whether a key event is this chord. Punctuation ("?", ":", "/") ignores Shift: layouts differ in where it is. */
export function matchesChord(c: Chord, e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (key !== c.key) return false;
  if (c.mod ? !(e.ctrlKey || e.metaKey) : c.ctrl ? !e.ctrlKey || e.metaKey : e.ctrlKey || e.metaKey) return false;
  if (e.altKey !== c.alt) return false;
  const punctuation = c.key.length === 1 && !isLetter(c.key) && c.key !== ' ';
  return punctuation || e.shiftKey === c.shift;
}

/**
 * Where keys belong to what the user types, never to shortcuts: form fields,
 * contenteditable, CodeMirror editors, the xterm terminal.
 */
export function isTyping(t: EventTarget | null): boolean {
  if (!(t instanceof Element)) return false;
  if (t instanceof HTMLElement && t.isContentEditable) return true;
  if (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT') return true;
  return t.closest('.cm-editor, .xterm, [contenteditable]:not([contenteditable="false"])') !== null;
}

/** A modal dialog is open, or focus is in a dialog: page keys wait. */
function dialogHasFocus(t: EventTarget | null): boolean {
  if (t instanceof Element && t.closest('[role="dialog"], [role="alertdialog"]')) return true;
  return document.querySelector('[aria-modal="true"]') !== null;
}

type Layer = () => readonly KeyBinding[];

export interface Keymap {
  /** Adds bindings (read again on every key and listing); returns the remover. */
  register: (layer: Layer) => () => void;
  /** Handles one key event; true when a binding took it. */
  dispatch: (e: KeyboardEvent) => boolean;
  /** The bindings registered now, newest layer first. */
  bindings: () => KeyBinding[];
  subscribe: (onChange: () => void) => () => void;
  /** Called when a disabled binding's key is pressed. */
  onDisabled: (fn: (b: KeyBinding) => void) => () => void;
  /** Tells listeners the bindings changed (labels, disabled reasons). */
  changed: () => void;
}

export function createKeymap(target: Pick<Window, 'addEventListener' | 'removeEventListener'> | null): Keymap {
  const layers: Layer[] = [];
  const listeners = new Set<() => void>();
  const disabledListeners = new Set<(b: KeyBinding) => void>();
  let version = 0;
  let snapshot: { version: number; list: KeyBinding[] } | null = null;
  const changed = () => {
    version++;
    for (const l of listeners) l();
  };
  const bindings = () => {
    if (snapshot?.version !== version) snapshot = { version, list: layers.slice().reverse().flatMap((l) => l()) };
    return snapshot.list;
  };
  const onKey = (e: KeyboardEvent) => void dispatch(e);

  const dispatch = (e: KeyboardEvent): boolean => {
    if (e.defaultPrevented || e.isComposing) return false;
    const t = e.target;
    const typing = isTyping(t);
    const all = layers.slice().reverse().flatMap((l) => l());
    const hit = (b: KeyBinding) => b.keys.some((k) => matchesChord(parseChord(k), e));
    // A widget's own keys first, then page keys (never while typing or in a dialog).
    const own = all.find((b) => {
      const el = b.within?.();
      return el && t instanceof Node && el.contains(t) && (!typing || t === el) && hit(b);
    });
    const b = own ?? (typing || dialogHasFocus(t) ? undefined : all.find((x) => !x.within && hit(x)));
    if (!b) return false;
    e.preventDefault();
    if (b.disabled) for (const l of disabledListeners) l(b);
    else b.run(e);
    return true;
  };

  return {
    register(layer) {
      layers.push(layer);
      if (layers.length === 1) target?.addEventListener('keydown', onKey);
      changed();
      return () => {
        const i = layers.indexOf(layer);
        if (i !== -1) layers.splice(i, 1);
        if (layers.length === 0) target?.removeEventListener('keydown', onKey);
        changed();
      };
    },
    dispatch,
    bindings,
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    onDisabled(fn) {
      disabledListeners.add(fn);
      return () => disabledListeners.delete(fn);
    },
    changed,
  };
}

/** The app's keymap, listening on the window. */
export const keymap = createKeymap(typeof window === 'undefined' ? null : window);

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Display form of a chord's parts: "Mod+K" → ["Ctrl", "K"] (["⌘", "K"] on a Mac). */
export function chordLabel(s: string): string[] {
  const names: Record<string, string> = {
    Mod: IS_MAC ? '⌘' : 'Ctrl',
    ArrowUp: '↑',
    ArrowDown: '↓',
    ArrowLeft: '←',
    ArrowRight: '→',
    Escape: 'Esc',
    PageUp: 'PgUp',
    PageDown: 'PgDn',
  };
  const parts = s.endsWith('++') ? [...s.slice(0, -2).split('+'), '+'] : s.split('+');
  return parts.map((p) => names[p] ?? (p.length === 1 && parts.length > 1 ? p.toUpperCase() : p));
}
