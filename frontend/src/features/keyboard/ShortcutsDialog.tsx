// "?": every shortcut of the current view, read from the keymap that binds
// them (so the list can not drift), with why a disabled one does nothing.
import { useTranslation } from 'react-i18next';
import { Modal } from '../common/Modal';
import { chordLabel, type KeyBinding, type KeyGroup } from './keymap';
import { useRegisteredBindings } from './useKeyBindings';

const ORDER: KeyGroup[] = ['Global', 'List', 'Row', 'Table', 'Details'];

/** One entry per id (a view mounted twice lists its keys once), grouped in ORDER. */
export function groupBindings(bindings: readonly KeyBinding[]): [KeyGroup, KeyBinding[]][] {
  const seen = new Set<string>();
  const by = new Map<KeyGroup, KeyBinding[]>();
  for (const b of bindings) {
    if (seen.has(b.id)) continue;
    seen.add(b.id);
    let list = by.get(b.group);
    if (!list) by.set(b.group, (list = []));
    list.push(b);
  }
  return ORDER.flatMap((g): [KeyGroup, KeyBinding[]][] => {
    const list = by.get(g);
    return list ? [[g, list]] : [];
  });
}

export function Keys({ keys }: { keys: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <span className="shortcut-keys">
      {keys.map((k, i) => (
        <span key={k}>
          {i > 0 && <span className="muted">{t('keyboard.help.or')}</span>}
          {chordLabel(k).map((part, j) => (
            <span key={j}>
              {j > 0 && '+'}
              <kbd>{part}</kbd>
            </span>
          ))}
        </span>
      ))}
    </span>
  );
}

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const groups = groupBindings(useRegisteredBindings());
  const { t } = useTranslation();
  return (
    <Modal title={t('keyboard.help.title')} onClose={onClose}>
      <div className="modal-body shortcuts">
        {groups.map(([g, list]) => (
          <section key={g} aria-labelledby={`shortcuts-${g}`}>
            <h3 id={`shortcuts-${g}`}>{t(`keyboard.group.${g}`)}</h3>
            <ul aria-labelledby={`shortcuts-${g}`}>
              {list.map((b) => (
                <li key={b.id} className={b.disabled ? 'shortcut disabled' : 'shortcut'}>
                  <Keys keys={b.keys} />
                  <span className="shortcut-label">
                    {b.label}
                    {b.disabled && <span className="shortcut-why"> — {b.disabled}</span>}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))}
        <p className="muted">{t('keyboard.help.note')}</p>
      </div>
    </Modal>
  );
}
