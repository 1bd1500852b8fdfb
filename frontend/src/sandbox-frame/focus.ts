// Keyboard focus across the frame's edge. The host moves focus in with a
// "focus" message (Tab: the first focusable element, Shift+Tab: the last);
// Tab on the last element (or Shift+Tab on the first) leaves the frame: the
// runtime posts "focus-out" and the host focuses what comes next.
import type { FrameMessage } from '../features/plugins/sandbox/protocol';

const FOCUSABLE = [
  'a[href]',
  'area[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'iframe',
  'summary',
  '[contenteditable=""]',
  '[contenteditable="true"]',
  '[tabindex]',
].join(',');

/** The elements Tab stops at, in document order (tabindex > 0 is treated as 0). */
export function focusables(doc: Document): HTMLElement[] {
  return [...doc.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.tabIndex >= 0 && !el.closest('[hidden],[inert]'));
}

type Direction = Extract<FrameMessage, { type: 'focus-out' }>['direction'];

/** Focuses the first or last element; with none, focus passes straight through (focus-out). */
export function focusEdge(doc: Document, edge: 'first' | 'last', send: (m: FrameMessage) => void): void {
  const all = focusables(doc);
  const el = edge === 'first' ? all[0] : all[all.length - 1];
  if (el) el.focus();
  else send({ type: 'focus-out', direction: edge === 'first' ? 'forward' : 'backward' });
}

/** Watches Tab at the edges; returns the function that stops. */
export function trackFocusEdges(doc: Document, send: (m: FrameMessage) => void): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
    const all = focusables(doc);
    const active = doc.activeElement;
    const inside = all.findIndex((el) => el === active);
    let out: Direction | null = null;
    if (e.shiftKey && (inside <= 0)) out = 'backward';
    else if (!e.shiftKey && (all.length === 0 || inside === all.length - 1)) out = 'forward';
    if (!out) return;
    e.preventDefault();
    send({ type: 'focus-out', direction: out });
  };
  doc.addEventListener('keydown', onKey);
  return () => doc.removeEventListener('keydown', onKey);
}
