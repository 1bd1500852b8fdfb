// The command bar (":"): a combobox with completions in a listbox; Enter runs
// the highlighted completion (or what was typed), Tab puts it in the box, Esc
// closes.
import { useTranslation } from 'react-i18next';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useAPIResources, useNamespaces } from '../../api/queries';
import { useFocusTrap } from '../../lib/focusTrap';
import { buildCatalog } from '../navigation/catalog';
import { catalogEntries, completions, parseCommand, type Command, type CommandData } from './commands';

export interface CommandBarProps {
  context: string;
  contexts: readonly string[];
  onRun: (command: Command) => void;
  onClose: () => void;
}

export function CommandBar({ context, contexts, onRun, onClose }: CommandBarProps) {
  const { t } = useTranslation();
  const resources = useAPIResources(context);
  const namespaces = useNamespaces(context);
  const data = useMemo<CommandData>(
    () => ({
      entries: catalogEntries(buildCatalog(resources.data?.resources ?? [])),
      contexts,
      namespaces: namespaces.data?.namespaces ?? [],
    }),
    [resources.data, contexts, namespaces.data],
  );
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  useFocusTrap(dialogRef);
  const items = useMemo(() => completions(text, data), [text, data]);
  const current = items[Math.min(active, items.length - 1)];

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    inputRef.current?.focus();
    return () => before?.focus();
  }, []);
  useEffect(() => {
    document.getElementById(`${id}-opt-${active}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [active, id]);

  const type = (t: string) => {
    setText(t);
    setActive(0);
    setError(null);
  };

  const run = (commandText: string) => {
    if (commandText.endsWith(' ')) return type(commandText);
    const cmd = parseCommand(commandText, data);
    if (cmd.type === 'none') return onClose();
    if (cmd.type === 'error') return setError(cmd.message);
    onClose();
    onRun(cmd);
  };

  const onKeyDown = (e: ReactKeyboardEvent<HTMLInputElement>) => {
    const last = items.length - 1;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        return setActive((a) => Math.min(last, a + 1));
      case 'ArrowUp':
        e.preventDefault();
        return setActive((a) => Math.max(0, a - 1));
      case 'Tab':
        if (current && !e.shiftKey) {
          e.preventDefault();
          type(current.command);
        }
        return;
      case 'Enter':
        e.preventDefault();
        return run(current ? current.command : text);
      case 'Escape':
        e.preventDefault();
        e.stopPropagation();
        return onClose();
    }
  };

  return (
    <div className="modal-backdrop search-backdrop" role="presentation" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={dialogRef} className="modal search-modal command-bar" role="dialog" aria-modal="true" aria-label={t('keyboard.bar.label')}>
        <div className="picker-search">
          <span className="command-prompt" aria-hidden="true">
            :
          </span>
          <input
            ref={inputRef}
            type="text"
            role="combobox"
            aria-label={t('keyboard.bar.input')}
            aria-expanded={items.length > 0}
            aria-controls={`${id}-list`}
            aria-autocomplete="list"
            aria-activedescendant={current ? `${id}-opt-${active}` : undefined}
            aria-describedby={`${id}-help`}
            aria-invalid={error ? true : undefined}
            placeholder={t('keyboard.bar.placeholder')}
            value={text}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => type(e.target.value)}
            onKeyDown={onKeyDown}
          />
          <kbd className="picker-esc" aria-hidden="true">
            {t('common.keys.esc')}
          </kbd>
        </div>
        <div id={`${id}-list`} role="listbox" aria-label={t('keyboard.bar.completions')} className="search-results">
          {items.map((c, i) => (
            <div
              key={c.id}
              id={`${id}-opt-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              aria-label={c.label}
              aria-describedby={c.details?.[0] ? `${id}-opt-${i}-d` : undefined}
              className={`search-option${i === active ? ' active' : ''}`}
              onMouseMove={() => i !== active && setActive(i)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => run(c.command)}
              onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && run(c.command)}
            >
              <span className="picker-label">{c.label}</span>
              {c.details?.[0] && (
                <span id={`${id}-opt-${i}-d`} className="muted">
                  {c.details[0]}
                </span>
              )}
            </div>
          ))}
        </div>
        {error ? (
          <p className="search-status op-message bad" role="alert">
            {error}
          </p>
        ) : (
          <p id={`${id}-help`} className="search-status" role="status">
            {items.length === 0 ? t('keyboard.bar.none') : t('keyboard.bar.hint')}
          </p>
        )}
      </div>
    </div>
  );
}
