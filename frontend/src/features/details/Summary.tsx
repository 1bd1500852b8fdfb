// The Summary tab: the sections of the object's kind (kindSummaries.ts), then
// what every object has: plugin sections, labels, annotations, owners, metadata.
import { useTranslation } from 'react-i18next';
import type { GVR, KubeObject } from '../../api/types';
import { PluginSections } from '../plugins/PluginSections';
import type { CatalogSection } from '../navigation/catalog';
import { meta, splitApiVersion } from './summaries';
import { Chips, KV, Section } from './parts';
import { gvrOfKind } from './kinds/discovery';
import { summaryOf } from './kindSummaries';
import { ObjectLink } from './kinds/shared';

export interface SummaryProps {
  context: string;
  gvr: GVR;
  /** Discovery, to link owners of any kind. */
  sections: readonly CatalogSection[];
  kind: string;
  object: KubeObject;
}

export function Summary(p: SummaryProps) {
  const { t } = useTranslation();
  const { object: o, kind, context, sections } = p;
  const m = meta(o);
  const Specific = summaryOf(kind).component;
  return (
    <div className="summary">
      <Specific context={context} kind={kind} object={o} meta={m} />
      <PluginSections context={context} namespace={m.namespace} gvr={p.gvr} object={o} />
      <Section title={t('details.summary.labels')}>
        <Chips label={t('details.summary.labels')} map={m.labels} />
      </Section>
      <Section title={t('details.summary.annotations')}>
        <Chips label={t('details.summary.annotations')} map={m.annotations} />
      </Section>
      {m.owners.length > 0 && (
        <Section title={t('details.summary.owners')}>
          <ul>
            {m.owners.map((r) => {
              const { group, version } = splitApiVersion(r.apiVersion);
              return (
                <li key={`${r.kind}/${r.name}`}>
                  <ObjectLink context={context} gvr={gvrOfKind(sections, group, version, r.kind)} namespace={m.namespace} name={r.name}>
                    {`${r.kind} ${r.name}`}
                  </ObjectLink>
                  {r.controller && <span className="muted"> {t('details.summary.controller')}</span>}
                </li>
              );
            })}
          </ul>
        </Section>
      )}
      <Section title={t('details.summary.metadata')}>
        <KV
          rows={[
            [t('details.summary.uid'), m.uid],
            [t('details.summary.created'), m.created],
          ]}
        />
      </Section>
    </div>
  );
}
