// The Access page: who can do what in a namespace (live), what the signed-in
// user may do, and the short-lived tokens shared from here.
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNamespaces } from '../../api/queries';
import { useTitle } from '../../lib/useTitle';
import { AccessTabs, type AccessTab } from './AccessTabs';
import { MatrixTab } from './MatrixTab';
import { MyAccessTab } from './MyAccessTab';
import { NamespaceSelect } from './NamespaceSelect';
import { ShareButton } from './ShareButton';
import { ShareFlow } from './ShareFlow';
import { SharedTab } from './SharedTab';
import { sharesKey } from './useShares';
import './access.css';

export interface AccessViewProps {
  context: string;
  /** The namespace to start with: the one lists remember, else the kubeconfig's ("" cluster-wide). */
  defaultNamespace: string;
}

export function AccessView({ context, defaultNamespace }: AccessViewProps) {
  const { t } = useTranslation();
  const id = useId();
  const client = useQueryClient();
  const namespaces = useNamespaces(context);
  const [namespace, setNamespace] = useState(defaultNamespace);
  const [tab, setTab] = useState<AccessTab>('matrix');
  const [sharing, setSharing] = useState(false);
  useTitle(`${t('access.title')} · ${context} — Kubedeck`);

  const known = namespaces.data?.namespaces ?? [];
  // A share lives in a namespace: cluster-wide on the page, it starts in the context's own.
  const shareNamespace = namespace || defaultNamespace || known[0] || 'default';
  const shareButton = <ShareButton context={context} namespace={shareNamespace} onOpen={() => setSharing(true)} />;

  return (
    <section className="view access-view" aria-labelledby={`${id}-title`}>
      <header className="view-header">
        <div className="view-title-block">
          <h1 id={`${id}-title`}>{t('access.title')}</h1>
          <span className="view-scope">{context}</span>
        </div>
        <div className="view-tools">
          <NamespaceSelect namespace={namespace} namespaces={known} onChange={setNamespace} />
          {/* One Share button on screen: the Shared tab has its own. */}
          {tab !== 'shared' && shareButton}
        </div>
      </header>
      <AccessTabs id={id} tab={tab} onTab={setTab} />
      <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-tab-${tab}`} className="access-panel">
        {tab === 'matrix' ? (
          <MatrixTab context={context} namespace={namespace} />
        ) : tab === 'mine' ? (
          <MyAccessTab context={context} namespace={namespace} />
        ) : (
          <SharedTab context={context} namespace={namespace} shareButton={shareButton} />
        )}
      </div>
      {sharing && (
        <ShareFlow
          context={context}
          namespace={shareNamespace}
          namespaces={known}
          onCreated={() => void client.invalidateQueries({ queryKey: sharesKey(context) })}
          onClose={() => setSharing(false)}
        />
      )}
    </section>
  );
}
