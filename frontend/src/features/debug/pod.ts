// What the debug dialogs need to know of a pod's containers.
import type { KubeObject } from '../../api/types';
import { arr, at, obj, str } from '../details/summaries';

export interface ContainerInfo {
  name: string;
  image: string;
  /** Its spec keeps stdin open (attach can send it input) and asks for a TTY. */
  stdin: boolean;
  tty: boolean;
  running: boolean;
  /** An ephemeral (debug) container. */
  ephemeral: boolean;
}

/** The pod's containers and then its ephemeral ones (init containers have ended by the time one debugs). */
export function containerInfo(o: KubeObject): ContainerInfo[] {
  const running = new Set(
    [...arr(at(o, 'status', 'containerStatuses')), ...arr(at(o, 'status', 'ephemeralContainerStatuses'))]
      .map(obj)
      .filter((s) => obj(s.state).running)
      .map((s) => str(s.name)),
  );
  const info = (ephemeral: boolean) => (c: unknown): ContainerInfo => {
    const spec = obj(c);
    const name = str(spec.name);
    return { name, image: str(spec.image), stdin: spec.stdin === true, tty: spec.tty === true, running: running.has(name), ephemeral };
  };
  return [...arr(at(o, 'spec', 'containers')).map(info(false)), ...arr(at(o, 'spec', 'ephemeralContainers')).map(info(true))].filter((c) => c.name);
}

/** Running containers first: the ones a copy or a shell can reach. */
export function runningFirst(list: readonly ContainerInfo[]): ContainerInfo[] {
  return [...list.filter((c) => c.running), ...list.filter((c) => !c.running)];
}
