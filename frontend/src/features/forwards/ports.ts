// The ports a pod or a service declares, for the port-forward picker.
import type { KubeObject } from '../../api/types';
import { arr, at, obj, str } from '../details/summaries';

export interface PortChoice {
  /** What the forward asks for: the port number as text. */
  port: string;
  name: string;
  protocol: string;
  /** Where it comes from: the container, or the service's target. */
  detail: string;
}

export function declaredPorts(kind: string, o: KubeObject): PortChoice[] {
  if (kind === 'Pod') {
    return arr(at(o, 'spec', 'containers')).flatMap((c) =>
      arr(obj(c).ports).map((p) => {
        const x = obj(p);
        return { port: str(x.containerPort), name: str(x.name), protocol: str(x.protocol) || 'TCP', detail: `container ${str(obj(c).name)}` };
      }),
    );
  }
  if (kind === 'Service') {
    return arr(at(o, 'spec', 'ports')).map((p) => {
      const x = obj(p);
      const target = str(x.targetPort);
      return { port: str(x.port), name: str(x.name), protocol: str(x.protocol) || 'TCP', detail: target ? `target ${target}` : '' };
    });
  }
  return [];
}

/** A local port typed by the user: empty is "any free port" (0); otherwise 1-65535. */
export function parseLocalPort(text: string): number | null {
  const t = text.trim();
  if (t === '') return 0;
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 && n <= 65535 ? n : null;
}
