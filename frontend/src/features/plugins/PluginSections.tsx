// Sections plugins add to the Summary tab of a kind's details view.
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { pluginText } from './pluginI18n';
import type { GVR, KubeObject } from '../../api/types';
import { clusterClient } from './clusterClient';
import { PluginBoundary } from './PluginBoundary';
import { running, usePlugins, type Owned } from './registry';
import type { DetailsSectionDef } from './types';

export interface PluginSectionsProps {
  context: string;
  /** The namespace of the object ("" for cluster-scoped ones). */
  namespace: string;
  gvr: GVR;
  object: KubeObject;
}

function Section({ def, context, namespace, object }: { def: Owned<DetailsSectionDef>; context: string; namespace: string; object: KubeObject }) {
  const { t } = useTranslation();
  const id = useId();
  const client = useMemo(() => clusterClient(def.pluginId, context, namespace), [def.pluginId, context, namespace]);
  const Body = def.component;
  return (
    <section className="details-section plugin-section" aria-labelledby={id} data-plugin={def.pluginId}>
      <h2 id={id}>
        {pluginText(def.pluginId, def.title)} <span className="plugin-from">{t('plugins.from', { plugin: def.pluginId })}</span>
      </h2>
      <PluginBoundary pluginId={def.pluginId} what={`the section ${def.title}`}>
        <Body client={client} context={context} namespace={namespace} object={object} />
      </PluginBoundary>
    </section>
  );
}

export function PluginSections({ context, namespace, gvr, object }: PluginSectionsProps) {
  const snap = usePlugins();
  const defs = running(snap, 'sections').filter((s) => s.kind.group === gvr.group && s.kind.resource === gvr.resource);
  if (defs.length === 0) return null;
  return (
    <>
      {defs.map((d, i) => (
        <Section key={`${d.pluginId}/${i}`} def={d} context={context} namespace={namespace} object={object} />
      ))}
    </>
  );
}
