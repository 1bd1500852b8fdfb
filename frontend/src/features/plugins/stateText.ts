import { t } from '../../i18n';
import type { PluginInfo } from './backend';
import type { Runtime } from './registry';

export type ShownState = 'running' | 'loading' | 'failed' | 'disabled' | 'waiting-approval' | 'invalid';

/** What the user sees of a plugin: the backend's decision, then how its load went. */
export function shownState(info: PluginInfo, runtime: Runtime | undefined): ShownState {
  if (info.state !== 'enabled') return info.state;
  if (!runtime || runtime.status === 'loading') return 'loading';
  return runtime.status;
}

/** The state in the UI language. */
export function stateText(info: PluginInfo, runtime: Runtime | undefined): string {
  switch (shownState(info, runtime)) {
    case 'running': return t('plugins.state.running');
    case 'loading': return t('plugins.state.loading');
    case 'failed': return t('plugins.state.failed');
    case 'disabled': return t('plugins.state.disabled');
    case 'waiting-approval': return t('plugins.state.waitingApproval');
    case 'invalid': return t('plugins.state.invalid');
  }
}

/** The error to show: the load or render error, else the backend's (bad package.json…). */
export function stateError(info: PluginInfo, runtime: Runtime | undefined): string | undefined {
  if (info.state === 'enabled' && runtime?.status === 'failed') return runtime.error;
  return info.error;
}
