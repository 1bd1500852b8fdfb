// Pieces several kinds' summaries share: links to other objects and the live
// list of the pods an object selects.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GVR, Row } from '../../../api/types';
import { EmbeddedList } from '../../resources/EmbeddedList';
import { detailsRoute, navigate, routeHash } from '../../../router';

export const PODS: GVR = { group: '', version: 'v1', resource: 'pods' };

/** A core (v1) resource. */
export const core = (resource: string): GVR => ({ group: '', version: 'v1', resource });

/** A link to an object's details; its text is the name unless given. */
export function ObjectLink({ context, gvr, namespace, name, children }: { context: string; gvr: GVR; namespace: string; name: string; children?: ReactNode }) {
  return <a href={routeHash(detailsRoute(context, gvr, namespace, name))}>{children ?? name}</a>;
}

/** Opens a row of an embedded list in its details view. */
export const openRow = (context: string, gvr: GVR) => (row: Row) => navigate(detailsRoute(context, gvr, row.namespace ?? '', row.name));

/** The pods of a namespace a label selector (or a field selector) picks, live. */
export function PodList({ context, namespace, label, labelSelector, fieldSelector }: { context: string; namespace: string; label: string; labelSelector?: string; fieldSelector?: string }) {
  return (
    <EmbeddedList
      context={context}
      gvr={PODS}
      namespace={namespace}
      labelSelector={labelSelector}
      fieldSelector={fieldSelector}
      label={label}
      singular="pod"
      plural="pods"
      onOpen={openRow(context, PODS)}
    />
  );
}

/** The pods a selector picks; a note when there is no selector (it would pick every pod). */
export function SelectedPods({ context, namespace, selector, label }: { context: string; namespace: string; selector: string; label?: string }) {
  const { t } = useTranslation();
  if (!selector) return <p className="muted">{t('details.summary.noSelector')}</p>;
  return <PodList context={context} namespace={namespace} labelSelector={selector} label={label ?? t('details.summary.pods')} />;
}
