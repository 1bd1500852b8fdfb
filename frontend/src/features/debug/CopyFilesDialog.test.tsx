import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CopyOutcome, CopyProgress, CopyTarget } from '../../api/fileCopy';
import { CopyFilesDialog } from './CopyFilesDialog';
import type { ContainerInfo } from './pod';

type Copy = (target: CopyTarget, path: string, onProgress: (p: CopyProgress) => void, signal: AbortSignal, file?: File | null) => Promise<CopyOutcome>;
const download = vi.fn<Copy>();
const upload = vi.fn<Copy>();
vi.mock('../../api/client', () => ({ transport: () => 'http' }));
vi.mock('../../api/fileCopy', () => ({
  downloadFromContainer: (t: CopyTarget, p: string, on: (x: CopyProgress) => void, s: AbortSignal) => download(t, p, on, s),
  uploadToContainer: (t: CopyTarget, p: string, f: File | null, on: (x: CopyProgress) => void, s: AbortSignal) => upload(t, p, on, s, f),
}));

const containers: ContainerInfo[] = [
  { name: 'sidecar', image: 'busybox', stdin: false, tty: false, running: false, ephemeral: false },
  { name: 'nginx', image: 'nginx', stdin: false, tty: false, running: true, ephemeral: false },
];
const MiB = 1024 * 1024;

function open() {
  render(<CopyFilesDialog context="kind" namespace="team-a" pod="web-1" containers={containers} onClose={() => {}} />);
  return screen.getByRole('dialog', { name: 'Copy files' });
}

afterEach(() => {
  download.mockReset();
  upload.mockReset();
});

describe('the Copy files dialog', () => {
  it('uploads the picked file to /tmp/<name> by default, with progress, then the result and its SHA-256', async () => {
    let progress: (p: CopyProgress) => void = () => {};
    let finish: (o: CopyOutcome) => void = () => {};
    upload.mockImplementation((_t, _p, on) => {
      progress = on;
      return new Promise((r) => (finish = r));
    });
    const dialog = open();
    expect((within(dialog).getByRole('combobox', { name: 'Container' }) as HTMLSelectElement).value).toBe('nginx'); // running first
    fireEvent.click(within(dialog).getByRole('radio', { name: 'To the container' }));
    const file = new File([new Uint8Array(16)], 'data.bin');
    fireEvent.change(within(dialog).getByLabelText('File to upload'), { target: { files: [file] } });
    const path = within(dialog).getByRole('textbox', { name: 'Path in the container (the file to write)' }) as HTMLInputElement;
    expect(path.value).toBe('/tmp/data.bin');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Copy' }));
    expect(upload).toHaveBeenCalledWith({ context: 'kind', namespace: 'team-a', pod: 'web-1', container: 'nginx' }, '/tmp/data.bin', expect.any(Function), expect.any(AbortSignal), file);
    progress({ bytes: 3.2 * MiB, total: 10 * MiB, local: 'data.bin' });
    const bar = await within(dialog).findByRole('progressbar', { name: 'Copy progress' });
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe(String(3.2 * MiB)));
    expect(bar.getAttribute('aria-valuemax')).toBe(String(10 * MiB));
    expect(bar.getAttribute('aria-valuetext')).toBe('3.2 MiB of 10 MiB');
    expect(dialog.textContent).toContain('3.2 MiB of 10 MiB · 32%');
    expect((path as HTMLInputElement).disabled).toBe(true);
    finish({ kind: 'done', result: { bytes: 10 * MiB, files: 1, sha256: 'ab12cd' }, local: 'data.bin' });
    const done = await within(dialog).findByRole('status');
    expect(done.textContent).toBe('Copied 10 MiB from data.bin to web-1:/tmp/data.bin.SHA-256 ab12cd');
  });

  it('keeps saying what the last copy did when the form changes after it', async () => {
    download.mockResolvedValue({ kind: 'done', result: { bytes: 2 * MiB, files: 1 }, local: 'app.log' });
    const dialog = open();
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Path in the container (file or folder)' }), { target: { value: '/var/log/app.log' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Copy' }));
    const done = await within(dialog).findByRole('status');
    expect(done.textContent).toBe('Copied 2 MiB to app.log.');
    fireEvent.click(within(dialog).getByRole('radio', { name: 'To the container' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Path in the container (the file to write)' }), { target: { value: '/tmp/other' } });
    expect(within(dialog).getByRole('status').textContent).toBe('Copied 2 MiB to app.log.');
  });

  it('cancels a copy in progress', async () => {
    download.mockImplementation((_t, _p, on, signal) => {
      on({ bytes: 100, total: -1 });
      return new Promise((r) => signal.addEventListener('abort', () => r({ kind: 'stopped' })));
    });
    const dialog = open();
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Path in the container (file or folder)' }), { target: { value: '/var/log' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Copy' }));
    const bar = await within(dialog).findByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBeNull(); // unknown total: indeterminate
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect((await within(dialog).findByRole('status')).textContent).toBe('Stopped after 100 B: nothing was saved.');
  });

  it('shows why a copy failed, and what is missing before it can start', async () => {
    download.mockRejectedValue(new Error('the container has no tar: copying files needs tar in the container'));
    const dialog = open();
    expect((within(dialog).getByRole('button', { name: 'Copy' }) as HTMLButtonElement).disabled).toBe(true);
    expect(dialog.textContent).toContain('Name the path in the container');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Path in the container/ }), { target: { value: '/etc/hosts' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Copy' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('the container has no tar');
    fireEvent.click(within(dialog).getByRole('radio', { name: 'To the container' }));
    expect(dialog.textContent).toContain('Choose the file to upload');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Path in the container/ }), { target: { value: '/tmp/' } });
    expect(dialog.textContent).toContain('Name the file to write, not a folder');
  });
});
