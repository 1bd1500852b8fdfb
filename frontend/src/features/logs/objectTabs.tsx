// The details view's extra tabs for pods, workloads and services: Logs,
// Terminal and Port-forward.
import { t as translate } from '../../i18n';
import type { KubeObject } from '../../api/types';
import { PortForwardTab } from '../forwards/PortForwardTab';
import { TerminalLauncher } from '../terminal/TerminalLauncher';
import { arr, at, obj, str } from '../details/summaries';
import { logTarget, WORKLOAD_KINDS } from './logTarget';
import { LogsView } from './LogsView';

export type ObjectTab = 'logs' | 'terminal' | 'ports';

export function objectTabs(kind: string): { id: ObjectTab; label: string }[] {
  if (kind === 'Pod')
    return [
      { id: 'logs', label: translate('logs.tabs.logs') },
      { id: 'terminal', label: translate('logs.tabs.terminal') },
      { id: 'ports', label: translate('logs.tabs.ports') },
    ];
  if (WORKLOAD_KINDS.has(kind)) return [{ id: 'logs', label: translate('logs.tabs.logs') }];
  if (kind === 'Service') return [{ id: 'ports', label: translate('logs.tabs.ports') }];
  return [];
}

/** Containers to exec into: running ones first, then the rest (ephemeral included). */
function execContainers(o: KubeObject): string[] {
  const running = new Set(
    [...arr(at(o, 'status', 'containerStatuses')), ...arr(at(o, 'status', 'ephemeralContainerStatuses'))]
      .map(obj)
      .filter((s) => obj(s.state).running)
      .map((s) => str(s.name)),
  );
  const all = [...arr(at(o, 'spec', 'containers')), ...arr(at(o, 'spec', 'ephemeralContainers'))].map((c) => str(obj(c).name)).filter(Boolean);
  return [...all.filter((c) => running.has(c)), ...all.filter((c) => !running.has(c))];
}

export function ObjectTabPanel({ tab, context, kind, object }: { tab: ObjectTab; context: string; kind: string; object: KubeObject }) {
  if (tab === 'logs') {
    const target = logTarget(kind, object);
    return target ? <LogsView context={context} target={target} /> : <p className="muted">{translate('logs.noPods', { kind })}</p>;
  }
  if (tab === 'terminal') {
    return (
      <TerminalLauncher
        context={context}
        namespace={str(at(object, 'metadata', 'namespace'))}
        pod={str(at(object, 'metadata', 'name'))}
        containers={execContainers(object)}
      />
    );
  }
  return kind === 'Pod' || kind === 'Service' ? <PortForwardTab context={context} kind={kind} object={object} /> : null;
}
