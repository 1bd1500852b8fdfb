import { t } from '../../i18n';
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
  const gv = entry.gvr.group ? `${entry.gvr.group}/${entry.gvr.version}` : entry.gvr.version;
  const plural = entry.plural;
  const scope = !entry.namespaced ? 'cluster' : namespace ? 'namespace' : 'all';
  switch (p.status) {
    case 403: {
      const title =
        scope === 'namespace'
          ? t('resources.problem.forbiddenNamespace', { plural, namespace })
          : scope === 'all'
            ? t('resources.problem.forbiddenAll', { plural })
            : t('resources.problem.forbidden', { plural });
      return { title, detail: p.message, forbidden: true };
    }
    case 401:
      return { title: t('resources.problem.unauthorized'), detail: p.message, forbidden: false };
    case 404:
      return { title: t('resources.problem.notServed', { plural, gv }), detail: p.message, forbidden: false };
    default: {
      const title =
        scope === 'namespace'
          ? t('resources.problem.failedNamespace', { plural, namespace })
          : scope === 'all'
            ? t('resources.problem.failedAll', { plural })
            : t('resources.problem.failed', { plural });
      return { title, detail: p.message, forbidden: false };
    }
  }
}
