import { describe, expect, it } from 'vitest';
import { DEFAULT_DEBUG_IMAGE, debugCreates, debugProblem, debugRequest, imageChoices, initialDebugForm, type DebugForm } from './debugForm';

const form = (p: Partial<DebugForm> = {}): DebugForm => ({ ...initialDebugForm('ephemeral', true), ...p });

describe('the debug form', () => {
  it('starts with busybox, no target, the copy deleted on close when that is allowed', () => {
    expect(initialDebugForm('ephemeral', true)).toEqual({ mode: 'ephemeral', image: DEFAULT_DEBUG_IMAGE, target: '', command: '', deleteCopy: true });
    expect(initialDebugForm('copy', false).deleteCopy).toBe(false);
    expect(imageChoices(['nicolaka/netshoot', DEFAULT_DEBUG_IMAGE])).toEqual(['nicolaka/netshoot', DEFAULT_DEBUG_IMAGE]);
    expect(imageChoices(undefined)).toEqual([DEFAULT_DEBUG_IMAGE]);
  });

  it('needs an image, except for a copy that only changes a container', () => {
    expect(debugProblem(form({ image: ' ' }))).toBe('image');
    expect(debugProblem(form({ image: 'busy box' }))).toBe('imageSpaces');
    expect(debugProblem(form({ mode: 'copy', image: '' }))).toBe('image');
    expect(debugProblem(form({ mode: 'copy', image: '', target: 'nginx', command: 'sleep 1d' }))).toBeNull();
    expect(debugProblem(form({ mode: 'copy', command: "''" }))).toBeNull();
    expect(debugProblem(form())).toBeNull();
  });

  it('makes the request DebugStart takes', () => {
    expect(debugRequest('team-a', 'web-1', form({ image: ' busybox ', target: 'nginx' }))).toEqual({ namespace: 'team-a', pod: 'web-1', image: 'busybox', target: 'nginx' });
    expect(debugRequest('team-a', 'web-1', form({ mode: 'copy', command: "sh -c 'sleep 1d'" }))).toEqual({
      namespace: 'team-a',
      pod: 'web-1',
      image: DEFAULT_DEBUG_IMAGE,
      copy: true,
      deleteCopy: true,
      command: ['sh', '-c', 'sleep 1d'],
    });
    expect(debugRequest('team-a', 'web-1', form({ mode: 'copy', image: '', target: 'nginx', deleteCopy: false }))).toEqual({ namespace: 'team-a', pod: 'web-1', image: '', target: 'nginx', copy: true, deleteCopy: false });
  });

  it('says what Start creates and what stays behind', () => {
    expect(debugCreates('team-a', 'web-1', form({ target: 'nginx' }), '')).toBe(
      `Adds ephemeral container debugger-… running ${DEFAULT_DEBUG_IMAGE} to web-1, sharing the processes of nginx. Kubernetes cannot remove it: it stays until the pod is deleted; its shell ends when you exit.`,
    );
    expect(debugCreates('team-a', 'web-1', form({ mode: 'copy' }), '')).toBe(
      `Creates pod web-1-debug-… in team-a (a copy without labels, so no Service sends it traffic), with a debug container debugger-… running ${DEFAULT_DEBUG_IMAGE}. Kubedeck deletes it when you close its terminal.`,
    );
    expect(debugCreates('team-a', 'web-1', form({ mode: 'copy', target: 'nginx', image: '', deleteCopy: false }), 'nginx:1.27')).toBe(
      'Creates pod web-1-debug-… in team-a (a copy without labels, so no Service sends it traffic), with container nginx running nginx:1.27. It keeps running until deleted: delete it when you are done.',
    );
  });
});
