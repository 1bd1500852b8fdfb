import { Component, type ErrorInfo, type ReactNode } from 'react';
import { t } from '../i18n';

interface Props {
  /** What failed, for the message: "this view". */
  what?: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/** Catches render errors of a view so the rest of the app keeps working. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('kubedeck: a view crashed', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="state-panel" role="alert">
        <div className="state-icon bad" aria-hidden="true">
          !
        </div>
        <h2>{t('app.crashed', { what: this.props.what ?? t('app.thisView') })}</h2>
        <p className="state-detail">{error.message}</p>
        <button type="button" className="btn" onClick={() => this.setState({ error: null })}>
          {t('app.tryAgain')}
        </button>
      </div>
    );
  }
}
