// What a log view reads: one pod, or every pod of a workload by its selector;
// and the containers to pick from (init and ephemeral ones included).
import type { KubeObject } from '../../api/types';
import { arr, at, obj, selectorString, str } from '../details/summaries';

export interface ContainerChoice {
  name: string;
  kind: 'init' | 'container' | 'ephemeral';
}

export interface LogTarget {
  namespace: string;
  /** The pod's name, or the workload's. */
  name: string;
  kind: string;
  /** Set for workloads: the label selector of their pods. */
  selector?: string;
  containers: ContainerChoice[];
}

export const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);

function names(list: unknown, kind: ContainerChoice['kind']): ContainerChoice[] {
  return arr(list)
    .map((c) => str(obj(c).name))
    .filter(Boolean)
    .map((name) => ({ name, kind }));
}

/** The log target of a pod or a workload object; null for other kinds. */
export function logTarget(kind: string, o: KubeObject): LogTarget | null {
  const namespace = str(at(o, 'metadata', 'namespace'));
  const name = str(at(o, 'metadata', 'name'));
  if (kind === 'Pod') {
    const spec = at(o, 'spec');
    return {
      namespace,
      name,
      kind,
      containers: [
        ...names(at(spec, 'initContainers'), 'init'),
        ...names(at(spec, 'containers'), 'container'),
        ...names(at(spec, 'ephemeralContainers'), 'ephemeral'),
      ],
    };
  }
  if (!WORKLOAD_KINDS.has(kind)) return null;
  const selector = selectorString(at(o, 'spec', 'selector'));
  if (!selector) return null;
  const spec = at(o, 'spec', 'template', 'spec');
  return {
    namespace,
    name,
    kind,
    selector,
    containers: [...names(at(spec, 'initContainers'), 'init'), ...names(at(spec, 'containers'), 'container')],
  };
}
