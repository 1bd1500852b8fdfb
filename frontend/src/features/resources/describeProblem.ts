import type { StreamProblem } from './listReducer';
import type { CatalogEntry } from '../navigation/catalog';

export interface ProblemText {
  title: string;
  detail: string;
  /** 403: pick another namespace. */
  forbidden: boolean;
}

/** What to tell a person about a failed list. */
export function describeProblem(p: StreamProblem, entry: CatalogEntry, namespace: string): ProblemText {
  const where = !entry.namespaced ? '' : namespace ? ` in ${namespace}` : ' across all namespaces';
  const gv = entry.gvr.group ? `${entry.gvr.group}/${entry.gvr.version}` : entry.gvr.version;
  switch (p.status) {
    case 403:
      return { title: `You are not allowed to list ${entry.plural}${where}`, detail: p.message, forbidden: true };
    case 401:
      return { title: 'The cluster did not accept your credentials', detail: p.message, forbidden: false };
    case 404:
      return { title: `This cluster does not serve ${entry.plural} (${gv})`, detail: p.message, forbidden: false };
    default:
      return { title: `Could not list ${entry.plural}${where}`, detail: p.message, forbidden: false };
  }
}
