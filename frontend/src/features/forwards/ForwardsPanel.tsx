// The dock's list of every port-forward of the app.
import { useTranslation } from 'react-i18next';
import { ForwardTable } from './ForwardRow';
import { useForwards } from './forwardsStore';
import './forwards.css';

export function ForwardsPanel() {
  const { t } = useTranslation();
  const { forwards, loaded, error } = useForwards();
  const contexts = new Set(forwards.map((f) => f.request.context));
  return (
    <div className="forwards-panel">
      {error && (
        <p className="bad-text" role="alert">
          {error}
        </p>
      )}
      {!loaded ? (
        <p className="muted" role="status">
          {t('forwards.loading')}
        </p>
      ) : forwards.length === 0 ? (
        <p className="muted">{t('forwards.none')}</p>
      ) : (
        <ForwardTable forwards={forwards} label={t('forwards.label')} showContext={contexts.size > 1} />
      )}
    </div>
  );
}
