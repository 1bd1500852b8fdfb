// Sharing, start to end: the form, then the token, shown once. The token
// exists only in this component's state while the token dialog is open:
// Done (or closing it) unmounts the flow and drops it. Nothing else keeps
// it: no query cache, storage, settings, URL or console.
import { useState } from 'react';
import type { ShareCreated } from '../../api/types';
import { ShareDialog } from './ShareDialog';
import { TokenDialog } from './TokenDialog';

export interface ShareFlowProps {
  context: string;
  /** The namespace the form starts in. */
  namespace: string;
  namespaces: readonly string[];
  /** A share was made (refresh the list). */
  onCreated: () => void;
  onClose: () => void;
}

export function ShareFlow({ context, namespace, namespaces, onCreated, onClose }: ShareFlowProps) {
  const [created, setCreated] = useState<ShareCreated | null>(null);
  if (created) return <TokenDialog created={created} onClose={onClose} />;
  return (
    <ShareDialog
      context={context}
      namespace={namespace}
      namespaces={namespaces}
      onClose={onClose}
      onCreated={(c) => {
        setCreated(c);
        onCreated();
      }}
    />
  );
}
