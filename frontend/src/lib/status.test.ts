import { describe, expect, it } from 'vitest';
import { isStatusColumn, statusTone } from './status';

describe('statusTone', () => {
  it.each(['Running', 'Ready', 'Active', 'Bound', 'Complete', 'Completed', 'Succeeded', 'True'])('%s is ok', (v) =>
    expect(statusTone(v, 'Status')).toBe('ok'),
  );
  it.each(['Pending', 'ContainerCreating', 'Terminating', 'Init:0/1', 'PodInitializing'])('%s is warn', (v) =>
    expect(statusTone(v, 'Status')).toBe('warn'),
  );
  it.each(['Failed', 'Error', 'CrashLoopBackOff', 'ImagePullBackOff', 'ErrImagePull', 'False', 'Init:CrashLoopBackOff', 'OOMKilled'])(
    '%s is bad',
    (v) => expect(statusTone(v, 'Status')).toBe('bad'),
  );

  it('takes the worst of comma-separated values', () => {
    expect(statusTone('Ready,SchedulingDisabled', 'Status')).toBe('warn');
    expect(statusTone('NotReady', 'Status')).toBe('warn');
  });

  it('flags incomplete readiness, event warnings and booleans', () => {
    expect(statusTone('1/2', 'Ready')).toBe('warn');
    expect(statusTone('2/2', 'Ready')).toBe('neutral');
    expect(statusTone('Warning', 'Type')).toBe('warn');
    expect(statusTone('ClusterIP', 'Type')).toBe('neutral');
    expect(statusTone(true)).toBe('ok');
    expect(statusTone(false)).toBe('bad');
    expect(statusTone('whatever', 'Status')).toBe('neutral');
  });

  it('knows which columns hold statuses', () => {
    expect(isStatusColumn('Status')).toBe(true);
    expect(isStatusColumn('STATUS')).toBe(true);
    expect(isStatusColumn('Name')).toBe(false);
    // Readiness fractions stay plain: 0/1 is normal for a completed pod.
    expect(isStatusColumn('Ready')).toBe(false);
  });
});
