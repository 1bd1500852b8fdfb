import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { GVR } from '../../api/types';
import { load, saveJSON } from '../../lib/storage';
import { PluginSidebarLinks } from '../plugins/PluginSidebarLinks';
import { helmRoute, listRoute, routeHash } from '../../router';
import type { CatalogEntry, CatalogSection } from './catalog';
import { accessKey, useListAccess } from './useListAccess';

export interface SidebarProps {
  context: string;
  namespace: string;
  sections: readonly CatalogSection[];
  active: GVR | null;
  loading: boolean;
  error: string | null;
  partial: readonly string[];
  /** The overview page is on screen. */
  overviewActive?: boolean;
  /** The Access page is on screen. */
  accessActive?: boolean;
  /** A Helm page (the releases or one release) is on screen. */
  helmActive?: boolean;
  /** The plugin page on screen, if any. */
  pluginRoute?: { plugin: string; path: string } | null;
  /** The Plugins page is on screen. */
  pluginsPageActive?: boolean;
}

function useCollapsed(): [Set<string>, (id: string) => void] {
  const [collapsed, setCollapsed] = useState<Set<string>>(() => {
    try {
      const v: unknown = JSON.parse(load('sidebar.collapsed') ?? 'null');
      return new Set(Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : ['other']);
    } catch {
      return new Set(['other']);
    }
  });
  const toggle = (id: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      saveJSON('sidebar.collapsed', [...next]);
      return next;
    });
  return [collapsed, toggle];
}

/** A section's title in the UI language (catalog.ts names them in English). */
function sectionTitle(t: TFunction, s: CatalogSection): string {
  switch (s.id) {
    case 'cluster': return t('navigation.sections.cluster');
    case 'workloads': return t('navigation.sections.workloads');
    case 'network': return t('navigation.sections.network');
    case 'config': return t('navigation.sections.config');
    case 'storage': return t('navigation.sections.storage');
    case 'access': return t('navigation.sections.access');
    case 'other': return t('navigation.sections.other');
    case 'custom': return t('navigation.sections.custom');
    default: return s.title;
  }
}

function isActive(e: CatalogEntry, active: GVR | null): boolean {
  return !!active && e.gvr.group === active.group && e.gvr.resource === active.resource;
}

/** The resource navigation: kinds grouped into sections, custom resources by API group. */
export function Sidebar({ context, namespace, sections, active, loading, error, partial, overviewActive, accessActive, helmActive, pluginRoute, pluginsPageActive }: SidebarProps) {
  const { t } = useTranslation();
  const [collapsed, toggle] = useCollapsed();
  const all = sections.flatMap((s) => [...s.entries, ...(s.groups ?? []).flatMap((g) => g.entries)]);
  const denied = useListAccess(context, namespace, all);
  const link = (e: CatalogEntry) => {
    const reason = denied.get(accessKey(e));
    const about = `${e.kind}${e.gvr.group ? `.${e.gvr.group}` : ''} (${e.gvr.group ? `${e.gvr.group}/` : ''}${e.gvr.version})${e.shortNames.length ? ` · ${e.shortNames.join(', ')}` : ''}`;
    return (
      <li key={`${e.gvr.group}/${e.gvr.resource}`}>
        <a
          href={routeHash(listRoute(context, e.gvr, namespace))}
          aria-current={isActive(e, active) ? 'page' : undefined}
          className={reason ? 'forbidden' : undefined}
          title={reason ? t('navigation.forbiddenTitle', { about, reason }) : about}
        >
          {e.label}
          {reason && (
            <>
              <svg className="lock" aria-hidden="true" viewBox="0 0 16 16" width="10" height="10">
                <path d="M4 7V5a4 4 0 0 1 8 0v2M3 7h10v7H3z" fill="none" stroke="currentColor" strokeWidth="1.5" />
              </svg>
              <span className="visually-hidden">{t('navigation.notAllowed', { reason })}</span>
            </>
          )}
        </a>
      </li>
    );
  };
  const section = (id: string, title: string, body: ReactNode, level: 'section' | 'group', entries: CatalogEntry[]) => {
    // The section of the kind on screen stays open.
    const isCollapsed = collapsed.has(id) && !entries.some((e) => isActive(e, active));
    const Heading = level === 'section' ? 'h2' : 'h3';
    const bodyId = `sidebar-${id.replace(/[^a-z0-9-]/gi, '_')}`;
    return (
      <div className={`sidebar-${level}`} key={id}>
        <Heading className={`sidebar-heading ${level}`}>
          <button type="button" aria-expanded={!isCollapsed} aria-controls={bodyId} onClick={() => toggle(id)}>
            <svg className="twisty" aria-hidden="true" viewBox="0 0 16 16" width="10" height="10">
              <path d="M6 4l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.8" />
            </svg>
            {title}
          </button>
        </Heading>
        <div id={bodyId} hidden={isCollapsed}>
          {body}
        </div>
      </div>
    );
  };

  return (
    <nav className="sidebar" aria-label={t('navigation.label')}>
      {loading && (
        <div className="sidebar-loading" role="status" aria-label={t('navigation.loading')}>
          {Array.from({ length: 12 }, (_, i) => (
            <span key={i} className="skeleton" style={{ width: `${50 + ((i * 37) % 40)}%` }} />
          ))}
        </div>
      )}
      {error && (
        <p className="sidebar-error" role="alert">
          {t('navigation.discoveryError', { error })}
        </p>
      )}
      {sections.map((s) =>
        section(
          s.id,
          sectionTitle(t, s),
          <>
            {(s.entries.length > 0 || s.id === 'cluster') && (
              <ul>
                {s.id === 'cluster' && (
                  <>
                    <li>
                      <a href={routeHash({ name: 'overview', context })} aria-current={overviewActive ? 'page' : undefined}>
                        {t('navigation.overview')}
                      </a>
                    </li>
                    <li>
                      <a href={routeHash({ name: 'access', context })} aria-current={accessActive ? 'page' : undefined}>
                        {t('navigation.access')}
                      </a>
                    </li>
                    <li>
                      <a href={routeHash(helmRoute(context, namespace))} aria-current={helmActive ? 'page' : undefined}>
                        {t('navigation.helm')}
                      </a>
                    </li>
                  </>
                )}
                {s.entries.map(link)}
              </ul>
            )}
            {s.groups?.map((g) =>
              section(`${s.id}:${g.group}`, g.group, <ul>{g.entries.map(link)}</ul>, 'group', g.entries),
            )}
          </>,
          'section',
          [...s.entries, ...(s.groups ?? []).flatMap((g) => g.entries)],
        ),
      )}
      <PluginSidebarLinks context={context} current={pluginRoute ?? null} pluginsPageActive={!!pluginsPageActive} />
      {partial.length > 0 && (
        <p className="sidebar-note" title={partial.join('\n')}>
          {t('navigation.partial', { count: partial.length })}
        </p>
      )}
    </nav>
  );
}
