// The row of open clusters: one tab per context, each with its status dot
// and a close button. Arrow keys move between tabs.
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { stateText, stateTone } from '../../lib/clusterText';
import { domId } from '../../lib/ids';
import { useClusterStatus } from '../../api/queries';

export interface ClusterTabsProps {
  tabs: readonly string[];
  active: string | null;
  /** Contexts that exist in the kubeconfig now. */
  known: ReadonlySet<string>;
  onSelect: (context: string) => void;
  onClose: (context: string) => void;
}

export const tabId = (context: string) => domId('tab', context);
export const paneId = (context: string) => domId('pane', context);

function Tab({ context, selected, known, onSelect, onClose, onKeyDown }: {
  context: string;
  selected: boolean;
  known: boolean;
  onSelect: () => void;
  onClose: () => void;
  onKeyDown: (e: KeyboardEvent<HTMLButtonElement>) => void;
}) {
  const status = useClusterStatus(known ? context : null);
  const state = status.data?.state;
  const tone = known ? stateTone(state) : 'bad';
  const { t } = useTranslation();
  const statusText = !known ? t('clusters.tabs.removed') : state ? stateText(state) : t('clusters.state.checking');
  return (
    <div className={`cluster-tab${selected ? ' selected' : ''}`}>
      <button
        type="button"
        role="tab"
        id={tabId(context)}
        aria-selected={selected}
        aria-controls={paneId(context)}
        aria-describedby={`${tabId(context)}-status`}
        tabIndex={selected ? 0 : -1}
        title={`${context} — ${statusText}`}
        aria-keyshortcuts="Delete"
        onClick={onSelect}
        onKeyDown={(e) => {
          if (e.key === 'Delete') {
            e.preventDefault();
            onClose();
          } else onKeyDown(e);
        }}
      >
        <span className={`status-dot ${tone}`} aria-hidden="true" />
        <span className="cluster-tab-name">{context}</span>
      </button>
      {/* The tab's description (its status), named without text so it is not page text twice. */}
      <span id={`${tabId(context)}-status`} hidden aria-label={statusText} />
      {/* A tablist holds tabs only: the × is for the mouse; keyboard and screen readers close with Delete. */}
      <span className="cluster-tab-close" aria-hidden="true" title={t('clusters.tabs.closeDelete')} onClick={onClose}>
        ×
      </span>
    </div>
  );
}

export function ClusterTabs({ tabs, active, known, onSelect, onClose }: ClusterTabsProps) {
  const { t } = useTranslation();
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    if (!(e.target instanceof HTMLElement) || e.target.getAttribute('role') !== 'tab') return;
    const i = active ? tabs.indexOf(active) : -1;
    const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    if (next === undefined) return;
    e.preventDefault();
    onSelect(next);
    requestAnimationFrame(() => document.getElementById(tabId(next))?.focus());
  };
  return (
    <div className="cluster-tabs" role="tablist" aria-label={t('clusters.tabs.label')}>
      {tabs.map((c) => (
        <Tab
          key={c}
          context={c}
          selected={c === active}
          known={known.has(c)}
          onSelect={() => onSelect(c)}
          onClose={() => onClose(c)}
          onKeyDown={onKeyDown}
        />
      ))}
    </div>
  );
}
