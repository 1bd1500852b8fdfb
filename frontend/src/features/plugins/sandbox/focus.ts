// Keyboard focus across a plugin frame's edge: Tab into the frame tells it
// which end to start from; Tab out of it ("focus-out") moves the host's focus
// to the next (or previous) focusable element after (before) the frame.

const FOCUSABLE = 'a[href], area[href], button, input, select, textarea, iframe, summary, [tabindex], [contenteditable="true"]';

function visible(el: HTMLElement): boolean {
  const s = getComputedStyle(el);
  return s.display !== 'none' && s.visibility !== 'hidden';
}

function focusable(root: Document): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && !el.closest('[hidden], [inert], [aria-hidden="true"]') && visible(el),
  );
}

/** Focuses the element after (forward) or before (backward) the frame; false when there is none. */
export function focusAround(frame: HTMLElement, direction: 'forward' | 'backward'): boolean {
  const all = focusable(frame.ownerDocument);
  const after = (el: HTMLElement) => (frame.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 && !frame.contains(el);
  const target = direction === 'forward' ? all.find((el) => el !== frame && after(el)) : all.filter((el) => el !== frame && !after(el)).at(-1);
  if (!target) return false;
  target.focus();
  return true;
}

/** Which end of the frame focus enters at: from before the frame (Tab) the first element, from after it (Shift+Tab) the last. */
export function entryEdge(frame: HTMLElement, from: EventTarget | null): 'first' | 'last' {
  if (!(from instanceof Node)) return 'first';
  return (frame.compareDocumentPosition(from) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 ? 'last' : 'first';
}
