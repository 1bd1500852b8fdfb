import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContextInfo, KubeconfigFile } from '../../api/types';
import { Picker, type PickerItem } from '../../components/Picker';

export interface ContextSwitcherProps {
  contexts: readonly ContextInfo[];
  /** The context shown now (may be absent from contexts when the route names an unknown one). */
  current: string | null;
  files: readonly KubeconfigFile[];
  onSelect: (context: string) => void;
}


export function contextItems(contexts: readonly ContextInfo[], current: string | null, noCluster: string): PickerItem[] {
  return contexts.map((c) => ({
    id: c.name,
    label: c.name,
    details: [[c.cluster, c.server].filter(Boolean).join(' · ') || noCluster, c.source],
    current: c.name === current,
    keywords: `${c.user} ${c.namespace}`,
  }));
}

/** The top-bar button showing the current context; opens a searchable list of all contexts. */
export function ContextSwitcher({ contexts, current, files, onSelect }: ContextSwitcherProps) {
  const { t } = useTranslation();
  const noCluster = t('clusters.context.noCluster');
  const items = useMemo(() => contextItems(contexts, current, noCluster), [contexts, current, noCluster]);
  const broken = files.filter((f) => f.error);
  const info = contexts.find((c) => c.name === current);
  return (
    <Picker
      className="context-switcher"
      buttonLabel={t('clusters.context.button', { context: current ?? t('clusters.context.none') })}
      buttonTitle={info ? t('clusters.context.title', { name: info.name, server: info.server, source: info.source }) : t('clusters.context.switchTitle')}
      buttonContent={
        <>
          <span className="picker-button-kicker" aria-hidden="true">
            {t('clusters.context.kicker')}
          </span>
          <span className="picker-button-value">{current ?? t('clusters.context.choose')}</span>
        </>
      }
      dialogLabel={t('clusters.context.dialog')}
      searchLabel={t('clusters.context.search')}
      listLabel={t('clusters.context.list')}
      placeholder={t('clusters.context.placeholder', { count: contexts.length })}
      items={items}
      onSelect={onSelect}
      itemHeight={56}
      hotkey={{ id: 'context', keys: 'Mod+Shift+K', label: t('keyboard.bind.context') }}
      emptyText={(q) => t('clusters.context.empty', { query: q })}
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
