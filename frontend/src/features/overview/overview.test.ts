import { describe, expect, it } from 'vitest';
import type { Column, Row } from '../../api/types';
import { newestEvents, nodesReady, podPhaseFromStatus, podPhases, unreadyWorkloads } from './overview';

const cols = (...names: string[]): Column[] => names.map((name) => ({ name, type: 'string', format: '', priority: 0, description: '' }));
const row = (ns: string, name: string, ...cells: string[]): Row => ({ key: `${ns}/${name}`, uid: name, namespace: ns, name, cells: [name, ...cells] });

describe('overview', () => {
  it('counts ready nodes', () => {
    const c = cols('Name', 'Status', 'Roles');
    expect(nodesReady(c, [row('', 'a', 'Ready', ''), row('', 'b', 'NotReady', ''), row('', 'c', 'Ready,SchedulingDisabled', '')])).toEqual({ ready: 2, total: 3 });
  });

  it('finds deployments, statefulsets and daemonsets below their desired replicas', () => {
    const dep = cols('Name', 'Ready', 'Up-to-date', 'Available', 'Age');
    expect(unreadyWorkloads(dep, [row('a', 'ok', '3/3'), row('b', 'short', '2/3'), row('a', 'zero', '0/1')])).toEqual([
      { key: 'a/zero', namespace: 'a', name: 'zero', ready: 0, desired: 1 },
      { key: 'b/short', namespace: 'b', name: 'short', ready: 2, desired: 3 },
    ]);
    const ds = cols('Name', 'Desired', 'Current', 'Ready');
    expect(unreadyWorkloads(ds, [row('m', 'exp', '3', '3', '2'), row('m', 'fine', '2', '2', '2')])).toEqual([
      { key: 'm/exp', namespace: 'm', name: 'exp', ready: 2, desired: 3 },
    ]);
  });

  it('keeps the newest events by LAST SEEN', () => {
    const c = cols('Last Seen', 'Type', 'Reason');
    const ev = (name: string, seen: string): Row => ({ key: name, uid: name, name, cells: [seen, 'Warning', 'X'] });
    const out = newestEvents(c, [ev('old', '2h'), ev('new', '5s'), ev('mid', '3m (x4 over 10m)'), ev('odd', '<unknown>')], 3);
    expect(out.map((r) => r.name)).toEqual(['new', 'mid', 'old']);
  });

  it('maps kubectl STATUS to pod phases', () => {
    expect(podPhaseFromStatus('Running', 0)).toBe('Running');
    expect(podPhaseFromStatus('Completed', 0)).toBe('Succeeded');
    expect(podPhaseFromStatus('Error', 0)).toBe('Failed');
    expect(podPhaseFromStatus('Error', 3)).toBe('Running');
    expect(podPhaseFromStatus('ContainerCreating', 0)).toBe('Pending');
    expect(podPhaseFromStatus('Init:0/1', 0)).toBe('Pending');
    expect(podPhaseFromStatus('CrashLoopBackOff', 4)).toBe('Running');
    expect(podPhaseFromStatus('Unknown', 0)).toBe('Unknown');
    const c = cols('Name', 'Ready', 'Status', 'Restarts');
    expect(podPhases(c, [row('a', 'p1', '1/1', 'Running', '0'), row('a', 'p2', '0/1', 'Completed', '0'), row('a', 'p3', '0/1', 'Pending', '0')])).toEqual({
      Running: 1,
      Pending: 1,
      Succeeded: 1,
      Failed: 0,
      Unknown: 0,
    });
  });
});
