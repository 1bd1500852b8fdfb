import type { PluginInfo } from './backend';
import type { Runtime } from './registry';

export type ShownState = 'running' | 'loading' | 'failed' | 'disabled' | 'waiting-approval' | 'invalid';

/** What the user sees of a plugin: the backend's decision, then how its load went. */
export function shownState(info: PluginInfo, runtime: Runtime | undefined): ShownState {
  if (info.state !== 'enabled') return info.state;
  if (!runtime || runtime.status === 'loading') return 'loading';
  return runtime.status;
}

const TEXT: Record<ShownState, string> = {
  running: 'Running',
  loading: 'Loading',
  failed: 'Failed',
  disabled: 'Disabled',
  'waiting-approval': 'Waiting for approval',
  invalid: 'Cannot be loaded',
};

export function stateText(info: PluginInfo, runtime: Runtime | undefined): string {
  return TEXT[shownState(info, runtime)];
}

/** The error to show: the load or render error, else the backend's (bad package.json…). */
export function stateError(info: PluginInfo, runtime: Runtime | undefined): string | undefined {
  if (info.state === 'enabled' && runtime?.status === 'failed') return runtime.error;
  return info.error;
}
