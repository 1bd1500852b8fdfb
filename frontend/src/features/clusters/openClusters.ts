// The clusters open as tabs, and which were used most recently. Persisted so
// the tabs come back after a restart. Only the most recent few stay mounted.
import { useCallback, useEffect, useState } from 'react';
import { loadJSON, saveJSON } from '../../lib/storage';

/** Clusters whose views stay mounted (instant switch back); others re-open from scratch. */
export const MAX_MOUNTED = 5;
/** Tabs kept at most; the least recently used closes first. */
export const MAX_TABS = 12;

export interface OpenClusters {
  /** In tab order. */
  tabs: string[];
  /** Most recently used first. */
  mru: string[];
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isOpen = (v: unknown): v is OpenClusters =>
  typeof v === 'object' && v !== null && 'tabs' in v && 'mru' in v && isStrings(v.tabs) && isStrings(v.mru);

/** Opening (or focusing) a context: it becomes the most recent; a new one is appended to the tabs. */
export function openCluster(s: OpenClusters, context: string): OpenClusters {
  if (s.mru[0] === context && s.tabs.includes(context)) return s;
  let tabs = s.tabs.includes(context) ? s.tabs : [...s.tabs, context];
  const mru = [context, ...s.mru.filter((c) => c !== context)];
  while (tabs.length > MAX_TABS) {
    const oldest = [...mru].reverse().find((c) => c !== context);
    if (oldest === undefined) break;
    tabs = tabs.filter((c) => c !== oldest);
    mru.splice(mru.indexOf(oldest), 1);
  }
  return { tabs, mru };
}

export function closeCluster(s: OpenClusters, context: string): OpenClusters {
  return { tabs: s.tabs.filter((c) => c !== context), mru: s.mru.filter((c) => c !== context) };
}

/** The contexts whose panes stay mounted. */
export function mountedClusters(s: OpenClusters): string[] {
  return s.mru.slice(0, MAX_MOUNTED);
}

export function useOpenClusters(active: string | null) {
  const [state, setState] = useState<OpenClusters>(() => loadJSON('openClusters', isOpen) ?? { tabs: [], mru: [] });
  useEffect(() => {
    if (active) setState((s) => openCluster(s, active));
  }, [active]);
  useEffect(() => saveJSON('openClusters', state), [state]);
  const close = useCallback((context: string) => setState((s) => closeCluster(s, context)), []);
  return { ...state, close };
}
