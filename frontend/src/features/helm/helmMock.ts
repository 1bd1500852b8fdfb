// What the tests' mock of api/helm answers (vi.mock('../../api/helm', async () =>
// (await import('./helmMock')).helmModule)): every command a vi.fn, the live
// list fed by hand with send. No app imports: vi.mock factories load it.
import { act } from '@testing-library/react';
import { vi } from 'vitest';
import type { HelmLine } from '../../api/helm';
import type { AccessCheck, AccessDecision } from '../../api/operations';
import type { CallArgs, CallResult } from '../../api/types';

type Fn<M extends 'HelmRelease' | 'HelmRevision' | 'HelmObjects' | 'HelmDrift' | 'HelmRollbackPreview' | 'HelmRollback' | 'HelmUninstall' | 'HelmUpgrade' | 'HelmPickChart' | 'HelmReadChart' | 'HelmInstall'> = (
  ...a: CallArgs<M>
) => Promise<CallResult<M>>;

export const helm = {
  HelmRelease: vi.fn<Fn<'HelmRelease'>>(),
  HelmRevision: vi.fn<Fn<'HelmRevision'>>(),
  HelmObjects: vi.fn<Fn<'HelmObjects'>>(),
  HelmDrift: vi.fn<Fn<'HelmDrift'>>(),
  HelmRollbackPreview: vi.fn<Fn<'HelmRollbackPreview'>>(),
  HelmRollback: vi.fn<Fn<'HelmRollback'>>(),
  HelmUninstall: vi.fn<Fn<'HelmUninstall'>>(),
  HelmUpgrade: vi.fn<Fn<'HelmUpgrade'>>(),
  HelmPickChart: vi.fn<Fn<'HelmPickChart'>>(),
  HelmReadChart: vi.fn<Fn<'HelmReadChart'>>(),
  HelmInstall: vi.fn<Fn<'HelmInstall'>>(),
};

export const access = vi.fn<(context: string, checks: AccessCheck[]) => Promise<AccessDecision[]>>();

let push: ((m: HelmLine) => void) | null = null;

/** What api/helm's mock answers: the commands above, a stream fed with `send`. */
export const helmModule = {
  helmApi: helm,
  toBase64: (b: Uint8Array) => btoa(String.fromCharCode(...b)),
  streamHelm: (_c: string, _n: readonly string[], onLine: (m: HelmLine) => void, signal: AbortSignal) => {
    push = onLine;
    return new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
  },
};

export const send = (m: HelmLine) => act(() => push?.(m));

export function resetHelmMocks(): void {
  push = null;
  for (const f of Object.values(helm)) f.mockReset();
  access.mockReset();
  access.mockImplementation(async (_c, checks) => checks.map((c) => ({ ...c, allowed: true })));
}
