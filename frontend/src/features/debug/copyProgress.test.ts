import { describe, expect, it } from 'vitest';
import { copyPercent, copyReducer, doneText, progressText, type CopyState } from './copyProgress';

const MiB = 1024 * 1024;

describe('a copy’s progress', () => {
  it('runs, counts and ends', () => {
    const job = { direction: 'download', remote: '/tmp/x.bin' } as const;
    let s: CopyState = copyReducer({ phase: 'idle' }, { type: 'start', job });
    expect(s).toEqual({ phase: 'running', job, bytes: 0, total: -1 });
    s = copyReducer(s, { type: 'progress', progress: { bytes: 3.2 * MiB, total: 10 * MiB, local: 'x.bin' } });
    expect(s).toEqual({ phase: 'running', job, bytes: 3.2 * MiB, total: 10 * MiB, local: 'x.bin' });
    s = copyReducer(s, { type: 'progress', progress: { bytes: 5 * MiB, total: 10 * MiB } });
    expect(s).toMatchObject({ bytes: 5 * MiB, local: 'x.bin' });
    expect(copyReducer(s, { type: 'outcome', outcome: { kind: 'stopped' } })).toEqual({ phase: 'stopped', job, bytes: 5 * MiB });
    expect(copyReducer(s, { type: 'outcome', outcome: { kind: 'cancelled' } })).toEqual({ phase: 'cancelled' });
    const done = copyReducer(s, { type: 'outcome', outcome: { kind: 'done', result: { bytes: 10 * MiB, files: 1, sha256: 'ab' }, local: '/home/me/x.bin' } });
    expect(done).toEqual({ phase: 'done', job, result: { bytes: 10 * MiB, files: 1, sha256: 'ab' }, local: '/home/me/x.bin' });
    expect(copyReducer(done, { type: 'progress', progress: { bytes: 1, total: 2 } })).toBe(done);
    expect(copyReducer(done, { type: 'outcome', outcome: { kind: 'stopped' } })).toBe(done); // only a running copy ends
    expect(copyReducer(s, { type: 'error', message: 'no tar' })).toEqual({ phase: 'failed', message: 'no tar' });
  });

  it('says how far it is and how it ended', () => {
    expect(progressText(3.2 * MiB, 10 * MiB)).toBe('3.2 MiB of 10 MiB');
    expect(progressText(3.2 * MiB, -1)).toBe('3.2 MiB');
    expect(copyPercent(3.2 * MiB, 10 * MiB)).toBe(32);
    expect(copyPercent(1, -1)).toBeUndefined();
    expect(copyPercent(0, 0)).toBe(100);
    expect(doneText({ direction: 'download', remote: '/tmp/x.bin' }, { bytes: 10 * MiB, files: 1 }, '/home/me/x.bin', 'web-1')).toBe('Copied 10 MiB to /home/me/x.bin.');
    expect(doneText({ direction: 'download', remote: '/var/log' }, { bytes: 2048, files: 3 }, '/home/me/logs', 'web-1')).toBe('Copied 2 KiB (3 files) to /home/me/logs.');
    expect(doneText({ direction: 'upload', remote: '/tmp/x.bin' }, { bytes: 3 * MiB, files: 1 }, 'x.bin', 'web-1')).toBe('Copied 3 MiB from x.bin to web-1:/tmp/x.bin.');
  });
});
