// Sections plugins add to the Summary tab of a kind's details view, each in
// its plugin's sandboxed frame, given the live object. Only a plugin granted
// reading the kind gets a section there (the object is data it receives).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { pluginText } from './pluginI18n';
import type { GVR, KubeObject } from '../../api/types';
import { PluginFrame } from './PluginFrame';
import { running, usePlugins, type Contributions, type Owned } from './registry';
import type { PluginInfo } from './backend';
import { canRead } from './sandbox/capabilities';

export interface PluginSectionsProps {
  context: string;
  /** The namespace of the object ("" for cluster-scoped ones). */
  namespace: string;
  gvr: GVR;
  object: KubeObject;
}

type SectionDef = Owned<Contributions['sections'][number]>;

function Section({ def, info, context, namespace, object }: { def: SectionDef; info: PluginInfo; context: string; namespace: string; object: KubeObject }) {
  const { t } = useTranslation();
  const id = useId();
  const title = pluginText(def.pluginId, def.title);
  return (
    <section className="details-section plugin-section" aria-labelledby={id} data-plugin={def.pluginId}>
      <h2 id={id}>
        {title} <span className="plugin-from">{t('plugins.from', { plugin: def.pluginId })}</span>
      </h2>
      <PluginFrame info={info} view={{ kind: 'section', index: def.index }} props={{ context, namespace, object }} title={t('plugins.frame.view', { name: info.name, view: title })} />
    </section>
  );
}

export function PluginSections({ context, namespace, gvr, object }: PluginSectionsProps) {
  const snap = usePlugins();
  const defs = running(snap, 'sections').filter((s) => s.kind.group === gvr.group && s.kind.resource === gvr.resource);
  const shown = defs.flatMap((d) => {
    const info = snap.list?.find((p) => p.id === d.pluginId);
    return info && canRead(info.granted, gvr) ? [{ def: d, info }] : [];
  });
  if (shown.length === 0) return null;
  return (
    <>
      {shown.map(({ def, info }) => (
        <Section key={`${def.pluginId}/${def.index}`} def={def} info={info} context={context} namespace={namespace} object={object} />
      ))}
    </>
  );
}
