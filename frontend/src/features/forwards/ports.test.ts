import { describe, expect, it } from 'vitest';
import { declaredPorts, parseLocalPort } from './ports';

describe('port-forward ports', () => {
  it('lists container ports of a pod and ports of a service', () => {
    const pod = { spec: { containers: [{ name: 'web', ports: [{ name: 'http', containerPort: 80 }, { containerPort: 9090, protocol: 'UDP' }] }, { name: 'side' }] } };
    expect(declaredPorts('Pod', pod)).toEqual([
      { port: '80', name: 'http', protocol: 'TCP', detail: 'container web' },
      { port: '9090', name: '', protocol: 'UDP', detail: 'container web' },
    ]);
    const svc = { spec: { ports: [{ name: 'web', port: 8080, targetPort: 'http' }] } };
    expect(declaredPorts('Service', svc)).toEqual([{ port: '8080', name: 'web', protocol: 'TCP', detail: 'target http' }]);
    expect(declaredPorts('ConfigMap', {})).toEqual([]);
  });

  it('reads the local port: empty is any free port', () => {
    expect(parseLocalPort('')).toBe(0);
    expect(parseLocalPort(' 8080 ')).toBe(8080);
    expect(parseLocalPort('0')).toBeNull();
    expect(parseLocalPort('70000')).toBeNull();
    expect(parseLocalPort('80a')).toBeNull();
  });
});
