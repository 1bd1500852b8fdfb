import { errorMessage } from '../../api/errors';
import { useClusterInfo } from '../../api/queries';
import { useTranslation } from 'react-i18next';

/** Who the user is on the cluster and what it runs; red when it does not answer. */
export function ClusterBadge({ context }: { context: string }) {
  const { t } = useTranslation();
  const info = useClusterInfo(context);
  if (info.isPending) {
    return (
      <span className="cluster-badge muted" role="status">
        {t('clusters.badge.checking')}
      </span>
    );
  }
  if (info.isError) {
    return (
      <span className="cluster-badge bad" role="status" title={errorMessage(info.error)}>
        <span className="status-dot" aria-hidden="true" />
        {t('clusters.badge.unreachable')}
      </span>
    );
  }
  const d = info.data;
  return (
    <span
      className="cluster-badge"
      title={d.groups.length ? t('clusters.badge.titleGroups', { server: d.server, version: d.gitVersion, user: d.user, groups: d.groups.join(', ') }) : t('clusters.badge.title', { server: d.server, version: d.gitVersion, user: d.user })}
    >
      <span className="status-dot ok" aria-hidden="true" />
      <span className="cluster-version">{d.gitVersion}</span>
      {d.user && <span className="cluster-user">{d.user}</span>}
    </span>
  );
}
