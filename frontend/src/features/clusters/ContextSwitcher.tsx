import { useMemo } from 'react';
import type { ContextInfo, KubeconfigFile } from '../../api/types';
import { Picker, type PickerItem } from '../../components/Picker';

export interface ContextSwitcherProps {
  contexts: readonly ContextInfo[];
  /** The context shown now (may be absent from contexts when the route names an unknown one). */
  current: string | null;
  files: readonly KubeconfigFile[];
  onSelect: (context: string) => void;
}

const HOTKEY = { id: 'context', keys: 'Mod+Shift+K', label: 'Switch context' };

export function contextItems(contexts: readonly ContextInfo[], current: string | null): PickerItem[] {
  return contexts.map((c) => ({
    id: c.name,
    label: c.name,
    details: [[c.cluster, c.server].filter(Boolean).join(' · ') || 'no cluster', c.source],
    current: c.name === current,
    keywords: `${c.user} ${c.namespace}`,
  }));
}

/** The top-bar button showing the current context; opens a searchable list of all contexts. */
export function ContextSwitcher({ contexts, current, files, onSelect }: ContextSwitcherProps) {
  const items = useMemo(() => contextItems(contexts, current), [contexts, current]);
  const broken = files.filter((f) => f.error);
  const info = contexts.find((c) => c.name === current);
  return (
    <Picker
      className="context-switcher"
      buttonLabel={`Context: ${current ?? 'none'}`}
      buttonTitle={info ? `${info.name}\n${info.server}\n${info.source}\n(Ctrl+Shift+K)` : 'Switch context (Ctrl+Shift+K)'}
      buttonContent={
        <>
          <span className="picker-button-kicker" aria-hidden="true">
            Context
          </span>
          <span className="picker-button-value">{current ?? 'Choose a context'}</span>
        </>
      }
      dialogLabel="Switch context"
      searchLabel="Search contexts"
      listLabel="Contexts"
      placeholder={`Search ${contexts.length.toLocaleString('en-US')} contexts…`}
      items={items}
      onSelect={onSelect}
      itemHeight={56}
      hotkey={HOTKEY}
      emptyText={(q) => `No context matches “${q}”.`}
      notice={
        broken.length > 0 ? (
          <div className="picker-notice error" role="note">
            {broken.map((f) => (
              <p key={f.path}>
                <strong>{f.path}</strong>: {f.error}
              </p>
            ))}
          </div>
        ) : null
      }
    />
  );
}
