// A release page's tabs (arrow keys, Home and End move between them).
import { useTranslation } from 'react-i18next';

export type ReleaseTab = 'overview' | 'values' | 'objects' | 'history';

export const RELEASE_TABS: readonly ReleaseTab[] = ['overview', 'values', 'objects', 'history'];

/** A tab a link asked for (?tab=), else the overview. */
export function releaseTab(wanted: string | undefined): ReleaseTab {
  return RELEASE_TABS.find((x) => x === wanted) ?? 'overview';
}

export function ReleaseTabs({ id, tab, onTab }: { id: string; tab: ReleaseTab; onTab: (t: ReleaseTab) => void }) {
  const { t } = useTranslation();
  const label = (which: ReleaseTab) =>
    which === 'overview' ? t('helm.tabs.overview') : which === 'values' ? t('helm.tabs.values') : which === 'objects' ? t('helm.tabs.objects') : t('helm.tabs.history');
  return (
    <div className="details-tabs" role="tablist" aria-label={t('helm.tabs.label')}>
      {RELEASE_TABS.map((which, i) => (
        <button
          key={which}
          type="button"
          role="tab"
          id={`${id}-tab-${which}`}
          aria-selected={tab === which}
          aria-controls={`${id}-panel`}
          tabIndex={tab === which ? 0 : -1}
          onClick={() => onTab(which)}
          onKeyDown={(e) => {
            const n = RELEASE_TABS.length;
            const next =
              e.key === 'ArrowRight' ? RELEASE_TABS[(i + 1) % n] : e.key === 'ArrowLeft' ? RELEASE_TABS[(i + n - 1) % n] : e.key === 'Home' ? RELEASE_TABS[0] : e.key === 'End' ? RELEASE_TABS[n - 1] : undefined;
            if (!next) return;
            e.preventDefault();
            onTab(next);
            document.getElementById(`${id}-tab-${next}`)?.focus();
          }}
        >
          {label(which)}
        </button>
      ))}
    </div>
  );
}
