// Finding a kind's resource from discovery.
import type { GVR } from '../../../api/types';
import type { CatalogSection } from '../../navigation/catalog';

/** The GVR of a kind in a group, from discovery; a guess when discovery does not know it. */
export function gvrOfKind(sections: readonly CatalogSection[], group: string, version: string, kind: string): GVR {
  for (const s of sections) {
    for (const e of [...s.entries, ...(s.groups ?? []).flatMap((g) => g.entries)]) {
      if (e.kind === kind && e.gvr.group === group) return e.gvr;
    }
  }
  const lower = kind.toLowerCase();
  const resource = lower.endsWith('s') ? `${lower}es` : lower.endsWith('y') ? `${lower.slice(0, -1)}ies` : `${lower}s`;
  return { group, version, resource };
}
