// Keeps keyboard focus inside a modal dialog: Tab past the last focusable
// element wraps to the first, Shift+Tab before the first wraps to the last
// (WAI-ARIA's modal dialog pattern).
import { useEffect, type RefObject } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/** The elements of root that Tab reaches, in order. */
export function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.getAttribute('tabindex') !== '-1' && !el.closest('[hidden], [inert]'),
  );
}

/** Where Tab (or Shift+Tab) from the active element should go instead, or null to let the browser move. */
export function wrapTarget(root: HTMLElement, active: Element | null, backwards: boolean): HTMLElement | null {
  const list = focusables(root);
  const first = list[0];
  const last = list[list.length - 1];
  if (!first || !last) return null;
  if (!active || !root.contains(active)) return backwards ? last : first;
  if (backwards && active === first) return last;
  if (!backwards && active === last) return first;
  return null;
}

/** Traps Tab inside ref's element while mounted. */
export function useFocusTrap(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const root = ref.current;
      // An editor that takes Tab (to indent) has handled it already.
      if (e.key !== 'Tab' || e.defaultPrevented || !root) return;
      const target = wrapTarget(root, document.activeElement, e.shiftKey);
      if (target) {
        e.preventDefault();
        target.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [ref]);
}
