// The debug actions of a details toolbar: Debug…, Attach… and Copy files…
// for a pod, Node shell… for a node. Their checks go out with the toolbar's
// own (one Access call); each is disabled with the permission it needs, or
// on a read-only context (the Go core refuses them all there).
import { useMemo } from 'react';
import type { KubeObject } from '../../api/types';
import { usePreferences } from '../../api/queries';
import { t } from '../../i18n';
import { gateState, type ExtraAction, type ExtraActions } from '../actions/access';
import { debugGates, debugState, nodeShellChecks, podDebugChecks } from './access';
import { AttachDialog } from './AttachDialog';
import { CopyFilesDialog } from './CopyFilesDialog';
import { DebugDialog } from './DebugDialog';
import { NodeShellDialog, nodeShellPlace } from './NodeShellDialog';
import { containerInfo } from './pod';

export interface DebugTarget {
  context: string;
  kind: string;
  namespace: string;
  name: string;
  object: KubeObject;
}

const NONE: ExtraActions = { checks: [], actions: () => [] };

export function useDebugActions({ context, kind, namespace, name, object }: DebugTarget): ExtraActions {
  const prefs = usePreferences().data;
  const contextPrefs = prefs?.contexts?.[context];
  const debugImages = prefs?.debugImages;
  const shellNamespace = nodeShellPlace(contextPrefs).namespace;
  const containers = useMemo(() => (kind === 'Pod' ? containerInfo(object) : []), [kind, object]);
  return useMemo((): ExtraActions => {
    if (kind === 'Pod' && namespace) {
      const c = podDebugChecks(namespace, name);
      return {
        checks: [...c.ephemeral, ...c.copy, ...c.deleteCopy, ...c.attach, ...c.files],
        actions: (decisions, readOnly): ExtraAction[] => {
          const gates = debugGates(c, decisions, readOnly);
          const pod = { context, namespace, pod: name, containers };
          return [
            {
              id: 'debug',
              label: t('debug.label.debug'),
              state: debugState(gates),
              dialog: (close, done) => <DebugDialog {...pod} gates={gates} debugImages={debugImages} onClose={close} onStarted={done} />,
            },
            {
              id: 'attach',
              label: t('debug.label.attach'),
              state: gateState(c.attach, decisions, readOnly),
              dialog: (close, done) => <AttachDialog {...pod} onClose={close} onStarted={done} />,
            },
            {
              id: 'copyFiles',
              label: t('debug.label.copyFiles'),
              state: gateState(c.files, decisions, readOnly),
              dialog: (close) => <CopyFilesDialog {...pod} onClose={close} />,
            },
          ];
        },
      };
    }
    if (kind === 'Node') {
      const checks = nodeShellChecks(shellNamespace);
      return {
        checks,
        actions: (decisions, readOnly) => [
          {
            id: 'nodeShell',
            label: t('debug.label.nodeShell'),
            state: gateState(checks, decisions, readOnly),
            dialog: (close, done) => <NodeShellDialog context={context} node={name} prefs={contextPrefs} onClose={close} onStarted={done} />,
          },
        ],
      };
    }
    return NONE;
  }, [context, kind, namespace, name, containers, debugImages, contextPrefs, shellNamespace]);
}
