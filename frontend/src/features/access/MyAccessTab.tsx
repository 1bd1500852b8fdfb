// "My access": what the signed-in user may do here (SelfSubjectRulesReview).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { accessApi } from '../../api/access';
import { errorMessage } from '../../api/errors';
import { RulesTable } from './RulesTable';

export function MyAccessTab({ context, namespace }: { context: string; namespace: string }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['myAccess', context, namespace],
    queryFn: () => accessApi.MyAccess(context, namespace),
    retry: false,
  });
  const where = namespace || t('access.namespace.clusterWideLower');
  if (q.isPending) {
    return (
      <p className="loading-text" role="status">
        {t('access.mine.loading', { namespace: where })}
      </p>
    );
  }
  if (q.isError) {
    return (
      <div className="state-panel" role="alert">
        <div className="state-icon bad" aria-hidden="true">
          !
        </div>
        <h2>{t('access.mine.error', { namespace: where })}</h2>
        <p className="state-detail">{errorMessage(q.error)}</p>
        <button type="button" className="btn primary" onClick={() => void q.refetch()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  const r = q.data;
  return (
    <div className="access-mine">
      {r.incomplete && (
        <div className="op-message warn" role="note">
          <strong>{t('access.mine.incomplete')}</strong> {t('access.mine.incompleteDetail')}
          {r.evaluationError && <p className="muted">{r.evaluationError}</p>}
        </div>
      )}
      {!namespace && (
        <p className="muted" role="note">
          {t('access.mine.perNamespace', { namespace: r.namespace })}
        </p>
      )}
      <RulesTable rules={r.rules ?? []} label={t('access.mine.rules', { namespace: r.namespace || where })} />
    </div>
  );
}
