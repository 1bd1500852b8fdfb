// Small inline icons shared by the lists: decorative (aria-hidden), sized
// and coloured by the text around them.

/** The arrow of a sortable column header: up unless sorted descending. */
export function SortIcon({ dir }: { dir: 'asc' | 'desc' | null | undefined }) {
  return (
    <svg className={`sort-icon${dir ? ' on' : ''}`} aria-hidden="true" viewBox="0 0 16 16" width="10" height="10">
      <path d={dir === 'desc' ? 'M4 6l4 4 4-4' : 'M4 10l4-4 4 4'} fill="none" stroke="currentColor" strokeWidth="1.8" />
    </svg>
  );
}

/** The magnifier in front of a list's filter box. */
export function FilterGlyph() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" width="13" height="13">
      <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M10.5 10.5L14 14" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
