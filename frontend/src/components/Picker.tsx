// A button that opens a searchable list in a popover dialog: a combobox input
// driving a (virtualized) listbox. Type to filter, arrows + Enter to choose,
// Esc to close. Used by the context switcher and the namespace picker.
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
} from 'react';
import { useKeyBindings } from '../features/keyboard/useKeyBindings';

export interface PickerItem {
  id: string;
  /** The option's accessible name and main text. */
  label: string;
  /** Secondary lines (also the option's accessible description). */
  details?: string[];
  /** Marks the item in use now. */
  current?: boolean;
  /** Extra text the filter matches (besides label and details). */
  keywords?: string;
  /** A tone for the first detail line, e.g. an error. */
  tone?: 'error';
}

export interface PickerProps {
  /** Accessible name of the button, e.g. "Context: prod". */
  buttonLabel: string;
  buttonContent: ReactNode;
  buttonTitle?: string;
  dialogLabel: string;
  searchLabel: string;
  listLabel: string;
  placeholder: string;
  items: readonly PickerItem[];
  onSelect: (id: string) => void;
  /** Shown above the list (restricted namespaces, kubeconfig errors…). */
  notice?: ReactNode;
  /** Shown when nothing matches. */
  emptyText: (query: string) => string;
  /** An extra first option built from what was typed (e.g. an unlisted namespace). */
  typedItem?: (query: string) => PickerItem | null;
  itemHeight: number;
  className?: string;
  disabled?: boolean;
  /** Open on this key from anywhere (a keymap binding), e.g. { id: "context", keys: "Mod+Shift+K", label: "Switch context" }. */
  hotkey?: { id: string; keys: string; label: string };
}

/** Items matching every word of the query; those starting with it first. */
export function filterItems<T extends PickerItem>(items: readonly T[], query: string): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...items];
  const words = q.split(/\s+/);
  const starts: T[] = [];
  const rest: T[] = [];
  for (const it of items) {
    const label = it.label.toLowerCase();
    const hay = `${label} ${(it.details ?? []).join(' ').toLowerCase()} ${it.keywords?.toLowerCase() ?? ''}`;
    if (!words.every((w) => hay.includes(w))) continue;
    (label.startsWith(q) ? starts : rest).push(it);
  }
  return starts.concat(rest);
}

export function Picker(props: PickerProps) {
  const { t } = useTranslation();
  const { items, onSelect, typedItem, itemHeight, hotkey } = props;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const baseId = useId();
  const listId = `${baseId}-list`;
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const filtered = useMemo(() => {
    const list = filterItems(items, query);
    const typed = typedItem?.(query.trim());
    if (typed && !list.some((i) => i.id === typed.id)) list.unshift(typed);
    return list;
  }, [items, query, typedItem]);

  const virtualizer = useVirtualizer({
    count: filtered.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => itemHeight,
    overscan: 8,
    // Scroll updates render in the same frame anyway; flushSync inside effects only warns.
    useFlushSync: false,
  });

  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  }, []);

  const openPicker = useCallback(() => {
    const cur = items.findIndex((i) => i.current);
    setQuery('');
    setActive(Math.max(0, cur));
    setOpen(true);
  }, [items]);

  const choose = useCallback(
    (item: PickerItem | undefined) => {
      if (!item) return;
      close(true);
      onSelect(item.id);
    },
    [close, onSelect],
  );

  // Focus the search box when opening; keep the active option in view.
  useLayoutEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);
  useEffect(() => {
    if (open && filtered.length > 0) virtualizer.scrollToIndex(Math.min(active, filtered.length - 1), { align: 'auto' });
  }, [open, active, filtered.length, virtualizer]);

  // Close on a click outside.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (rootRef.current && e.target instanceof Node && !rootRef.current.contains(e.target)) close(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open, close]);

  // The hotkey opens it from anywhere.
  useKeyBindings(
    hotkey ? [{ id: hotkey.id, keys: [hotkey.keys], label: hotkey.label, group: 'Global', run: openPicker }] : [],
    !!hotkey && !props.disabled,
  );

  const onKeyDown = (e: ReactKeyboardEvent<HTMLInputElement>) => {
    const last = filtered.length - 1;
    const move = (to: number) => {
      e.preventDefault();
      setActive(Math.max(0, Math.min(last, to)));
    };
    switch (e.key) {
      case 'ArrowDown':
        return move(active + 1);
      case 'ArrowUp':
        return move(active - 1);
      case 'PageDown':
        return move(active + 10);
      case 'PageUp':
        return move(active - 10);
      case 'Home':
        if (e.ctrlKey) move(0);
        return;
      case 'End':
        if (e.ctrlKey) move(last);
        return;
      case 'Enter':
        e.preventDefault();
        return choose(filtered[active]);
      case 'Escape':
        e.preventDefault();
        e.stopPropagation();
        return close(true);
      case 'Tab':
        return close(false);
    }
  };

  const activeItem = filtered[active];
  const optionId = (i: number) => `${baseId}-opt-${i}`;

  return (
    <div className={`picker ${props.className ?? ''}`} ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="picker-button"
        aria-label={props.buttonLabel}
        title={props.buttonTitle}
        aria-haspopup="dialog"
        aria-expanded={open}
        disabled={props.disabled}
        onClick={() => (open ? close(false) : openPicker())}
      >
        {props.buttonContent}
        <svg className="chevron" aria-hidden="true" viewBox="0 0 16 16" width="12" height="12">
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      </button>
      {open && (
        <div className="picker-popover" role="dialog" aria-label={props.dialogLabel}>
          <div className="picker-search">
            <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
              <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
              <path d="M10.5 10.5L14 14" stroke="currentColor" strokeWidth="1.5" />
            </svg>
            <input
              ref={inputRef}
              type="text"
              role="combobox"
              aria-label={props.searchLabel}
              aria-expanded="true"
              aria-controls={listId}
              aria-autocomplete="list"
              aria-activedescendant={activeItem ? optionId(active) : undefined}
              placeholder={props.placeholder}
              value={query}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => {
                setQuery(e.target.value);
                setActive(0);
              }}
              onKeyDown={onKeyDown}
            />
            <kbd className="picker-esc" aria-hidden="true">
              {t('common.keys.esc')}
            </kbd>
          </div>
          {props.notice}
          <div
            ref={listRef}
            id={listId}
            role="listbox"
            aria-label={props.listLabel}
            className="picker-list"
            style={{ maxHeight: Math.min(440, Math.max(1, filtered.length) * itemHeight + 8) }}
          >
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((v) => {
                const item = filtered[v.index];
                if (!item) return null;
                const descId = item.details?.length ? `${optionId(v.index)}-d` : undefined;
                return (
                  <div
                    key={item.id}
                    id={optionId(v.index)}
                    role="option"
                    tabIndex={-1}
                    aria-label={item.label}
                    aria-describedby={descId}
                    aria-selected={v.index === active}
                    aria-current={item.current ? 'true' : undefined}
                    aria-setsize={filtered.length}
                    aria-posinset={v.index + 1}
                    className={`picker-option${v.index === active ? ' active' : ''}${item.current ? ' current' : ''}`}
                    style={{ height: itemHeight, transform: `translateY(${v.start}px)` }}
                    onMouseMove={() => v.index !== active && setActive(v.index)}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => choose(item)}
                    onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && choose(item)}
                  >
                    <span className="picker-check" aria-hidden="true">
                      {item.current ? '✓' : ''}
                    </span>
                    <span className="picker-text">
                      <span className="picker-label">{item.label}</span>
                      {item.details?.length ? (
                        <span id={descId} className="picker-details">
                          {item.details.map((d, i) => (
                            <span key={i} className={i === 0 && item.tone === 'error' ? 'picker-detail error' : 'picker-detail'}>
                              {d}
                            </span>
                          ))}
                        </span>
                      ) : null}
                    </span>
                    {item.current && <span className="badge" aria-hidden="true">{t('common.picker.current')}</span>}
                  </div>
                );
              })}
            </div>
          </div>
          {filtered.length === 0 && (
            <p className="picker-empty" role="status">
              {props.emptyText(query)}
            </p>
          )}
          <div className="picker-footer" aria-hidden="true">
            <span>
              <kbd>↑</kbd>
              <kbd>↓</kbd> {t('common.picker.move')}
            </span>
            <span>
              <kbd>↵</kbd> {t('common.picker.choose')}
            </span>
            <span>{t('common.picker.shown', { count: filtered.length })}</span>
          </div>
        </div>
      )}
    </div>
  );
}
