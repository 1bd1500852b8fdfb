import { errorMessage } from '../../api/errors';
import { useClusterInfo } from '../../api/queries';

/** Who the user is on the cluster and what it runs; red when it does not answer. */
export function ClusterBadge({ context }: { context: string }) {
  const info = useClusterInfo(context);
  if (info.isPending) {
    return (
      <span className="cluster-badge muted" role="status">
        Checking cluster…
      </span>
    );
  }
  if (info.isError) {
    return (
      <span className="cluster-badge bad" role="status" title={errorMessage(info.error)}>
        <span className="status-dot" aria-hidden="true" />
        Cluster unreachable
      </span>
    );
  }
  const d = info.data;
  return (
    <span
      className="cluster-badge"
      title={`Server ${d.server}\nKubernetes ${d.gitVersion}\nUser ${d.user}${d.groups.length ? `\nGroups ${d.groups.join(', ')}` : ''}`}
    >
      <span className="status-dot ok" aria-hidden="true" />
      <span className="cluster-version">{d.gitVersion}</span>
      {d.user && <span className="cluster-user">{d.user}</span>}
    </span>
  );
}
