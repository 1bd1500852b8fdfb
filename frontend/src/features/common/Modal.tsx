// A modal dialog: backdrop, Escape closes, focus moves in, stays in (Tab
// wraps) and returns on close.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusTrap } from '../../lib/focusTrap';

export interface ModalProps {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  /** "wide" for editors and diffs. */
  size?: 'normal' | 'wide';
  /** An accessible description (e.g. what will be deleted). */
  describedBy?: string;
  role?: 'dialog' | 'alertdialog';
  /** false for editors: a stray click beside the dialog must not throw away what was typed. */
  closeOnBackdrop?: boolean;
}

export function Modal({ title, onClose, children, size = 'normal', describedBy, role = 'dialog', closeOnBackdrop = true }: ModalProps) {
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  useFocusTrap(ref);
  closeRef.current = onClose;
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = ref.current?.querySelector<HTMLElement>('[data-autofocus], input, textarea, select, .cm-content, button:not([aria-label="Close"])');
    first?.focus();
    const onKey = (e: KeyboardEvent) => {
      // Escape inside an editor is the editor's (closing its completion, search…).
      if (e.key === 'Escape' && !(e.target instanceof Element && e.target.closest('.cm-editor'))) {
        e.stopPropagation();
        closeRef.current();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      before?.focus();
    };
  }, []);
  return (
    <div className="modal-backdrop" role="presentation" onMouseDown={(e) => closeOnBackdrop && e.target === e.currentTarget && onClose()}>
      <div
        className={`modal ${size === 'wide' ? 'modal-wide' : ''}`}
        role={role}
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={describedBy}
        ref={ref}
      >
        <header className="modal-header">
          <h2 id={`${id}-title`}>{title}</h2>
          <button type="button" className="btn small" aria-label={t('common.close')} onClick={onClose}>
            ✕
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
