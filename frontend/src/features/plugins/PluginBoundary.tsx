import { Component, type ErrorInfo, type ReactNode } from 'react';
import { registry } from './registry';
import { t } from '../../i18n';

interface Props {
  pluginId: string;
  /** What the contribution is, for the error: "the column Restarts". */
  what: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * Wraps every plugin contribution: a render error marks the plugin failed
 * (its contributions go away; the Plugins page shows the error) and leaves
 * a short notice in its place, while the rest of the view keeps working.
 */
export class PluginBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`kubedeck: plugin ${this.props.pluginId} crashed rendering ${this.props.what}`, error, info.componentStack);
    registry.fail(this.props.pluginId, `Rendering ${this.props.what} threw: ${error.message}`);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <p className="plugin-crashed" role="alert">
        {t('plugins.crashed', { plugin: this.props.pluginId, error: error.message })}
      </p>
    );
  }
}
