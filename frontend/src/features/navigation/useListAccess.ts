// Which kinds of the sidebar the user may list, in the namespace on screen:
// one batched Access call (SelfSubjectAccessReviews, cached per identity on
// the Go side). Forbidden kinds stay in the sidebar, marked with the missing
// permission, so nothing silently disappears.
import { useEffect, useState } from 'react';
import { ops, type AccessCheck } from '../../api/operations';
import type { CatalogEntry } from './catalog';

/** The key of an entry in the returned map. */
export const accessKey = (e: CatalogEntry) => `${e.gvr.group}/${e.gvr.resource}`;

/** The list check of an entry: in the namespace for namespaced kinds, cluster-wide otherwise. */
export function listCheck(e: CatalogEntry, namespace: string): AccessCheck {
  const c: AccessCheck = { verb: 'list', group: e.gvr.group, resource: e.gvr.resource };
  if (e.namespaced && namespace) c.namespace = namespace;
  return c;
}

/** Maps entry keys to the reason the user may not list them ("needs: …"). */
export function useListAccess(context: string, namespace: string, entries: readonly CatalogEntry[]): Map<string, string> {
  const [denied, setDenied] = useState<Map<string, string>>(new Map());
  const spec = JSON.stringify([context, namespace, entries.map((e) => [e.gvr.group, e.gvr.resource, e.namespaced])]);
  useEffect(() => {
    let live = true;
    const [ctx, ns, list] = JSON.parse(spec) as [string, string, [string, string, boolean][]];
    if (list.length === 0) return;
    const checks = list.slice(0, 256).map(([group, resource, namespaced]) =>
      listCheck({ gvr: { group, resource, version: '' }, namespaced } as CatalogEntry, ns),
    );
    ops
      .Access(ctx, checks)
      .then((decisions) => {
        if (!live) return;
        const next = new Map<string, string>();
        for (const d of decisions) if (!d.allowed) next.set(`${d.group}/${d.resource}`, d.reason ?? `needs: list ${d.resource}`);
        setDenied(next);
      })
      .catch(() => {
        // Unknown: mark nothing rather than everything.
        if (live) setDenied(new Map());
      });
    return () => {
      live = false;
    };
  }, [spec]);
  return denied;
}
