// A row of tabs (role=tablist): one tab in the Tab order, the arrow keys,
// Home and End move between them. Each tab controls the panel `${id}-panel`.

export function TabList<T extends string>({ id, label, tabs, tab, onTab, labelOf }: {
  id: string;
  label: string;
  tabs: readonly T[];
  tab: T;
  onTab: (t: T) => void;
  labelOf: (t: T) => string;
}) {
  return (
    <div className="details-tabs" role="tablist" aria-label={label}>
      {tabs.map((which, i) => (
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
            const n = tabs.length;
            const next = e.key === 'ArrowRight' ? tabs[(i + 1) % n] : e.key === 'ArrowLeft' ? tabs[(i + n - 1) % n] : e.key === 'Home' ? tabs[0] : e.key === 'End' ? tabs[n - 1] : undefined;
            if (!next) return;
            e.preventDefault();
            onTab(next);
            document.getElementById(`${id}-tab-${next}`)?.focus();
          }}
        >
          {labelOf(which)}
        </button>
      ))}
    </div>
  );
}
