// The Access page's tabs (arrow keys move between them).
import { useTranslation } from 'react-i18next';

export type AccessTab = 'matrix' | 'mine' | 'shared';

const ORDER: readonly AccessTab[] = ['matrix', 'mine', 'shared'];

export function AccessTabs({ id, tab, onTab }: { id: string; tab: AccessTab; onTab: (t: AccessTab) => void }) {
  const { t } = useTranslation();
  const label = (which: AccessTab) => (which === 'matrix' ? t('access.tabs.matrix') : which === 'mine' ? t('access.tabs.mine') : t('access.tabs.shared'));
  return (
    <div className="details-tabs" role="tablist" aria-label={t('access.tabs.label')}>
      {ORDER.map((which, i) => (
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
            const n = ORDER.length;
            const next = e.key === 'ArrowRight' ? ORDER[(i + 1) % n] : e.key === 'ArrowLeft' ? ORDER[(i + n - 1) % n] : e.key === 'Home' ? ORDER[0] : e.key === 'End' ? ORDER[n - 1] : undefined;
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
