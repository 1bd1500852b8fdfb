// Everything one subject may do here: its rules and where the answer comes from.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { accessApi } from '../../api/access';
import { errorMessage } from '../../api/errors';
import type { Subject, SubjectAccess } from '../../api/types';
import { Modal } from '../common/Modal';
import { RulesTable } from './RulesTable';
import { subjectKey } from './matrix';
import { subjectTitle } from './text';

export function SubjectDialog({ context, namespace, subject, onClose }: { context: string; namespace: string; subject: Subject; onClose: () => void }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['subjectAccess', context, namespace, subjectKey(subject)],
    queryFn: () => accessApi.SubjectAccess(context, namespace, subject),
    retry: false,
  });
  const title = subjectTitle(subject);
  return (
    <Modal title={title} onClose={onClose} size="wide">
      <div className="modal-body">
        {q.isPending ? (
          <p className="loading-text" role="status">
            {t('access.subject.loading', { name: subject.name })}
          </p>
        ) : q.isError ? (
          <div className="op-message bad" role="alert">
            {t('access.subject.error', { error: errorMessage(q.error) })}{' '}
            <button type="button" className="btn small" onClick={() => void q.refetch()}>
              {t('common.retry')}
            </button>
          </div>
        ) : (
          <SubjectBody access={q.data} namespace={namespace} />
        )}
      </div>
    </Modal>
  );
}

function SubjectBody({ access, namespace }: { access: SubjectAccess; namespace: string }) {
  const { t } = useTranslation();
  const missing = access.missing ?? [];
  return (
    <>
      <p className="access-source">
        {access.source === 'server' ? t('access.subject.fromServer') : t('access.subject.fromRbac', { note: access.note || t('access.subject.noNote') })}
      </p>
      {missing.length > 0 && (
        <div className="op-message warn" role="note">
          <p>{t('access.matrix.missing')}</p>
          <ul>
            {missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      <RulesTable rules={access.rules ?? []} label={t('access.subject.rules', { name: access.subject.name, namespace: namespace || t('access.namespace.clusterWideLower') })} />
    </>
  );
}
