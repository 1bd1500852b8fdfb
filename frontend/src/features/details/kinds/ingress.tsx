// An Ingress's summary: class, TLS and its rules, linked to their services.
import { useTranslation } from 'react-i18next';
import { at, ingressRules, ingressTLS, str, strMap } from '../summaries';
import { KV, Section, SimpleTable } from '../parts';
import { core, ObjectLink } from './shared';
import type { KindSummary, KindSummaryProps } from './types';

function IngressSummary({ context, kind, object: o, meta }: KindSummaryProps) {
  const { t } = useTranslation();
  const ingressClass = str(at(o, 'spec', 'ingressClassName')) || (strMap(at(o, 'metadata', 'annotations'))['kubernetes.io/ingress.class'] ?? '');
  return (
    <>
      <Section title={kind}>
        <KV
          rows={[
            [t('details.ingress.class'), ingressClass],
            [t('details.ingress.tls'), ingressTLS(o, t).join('; ') || t('details.summary.none')],
          ]}
        />
      </Section>
      <Section title={t('details.ingress.rules')}>
        <SimpleTable label={t('details.ingress.rules')} columns={[t('details.ingress.host'), t('details.ingress.path'), t('details.ingress.backend')]}>
          {ingressRules(o, t).map((r, i) => (
            <tr key={i}>
              <td>{r.host}</td>
              <td>{r.path}</td>
              <td>
                {r.service ? (
                  <ObjectLink context={context} gvr={core('services')} namespace={meta.namespace} name={r.service}>
                    {r.backend}
                  </ObjectLink>
                ) : (
                  r.backend
                )}
              </td>
            </tr>
          ))}
        </SimpleTable>
      </Section>
    </>
  );
}

export const ingressSummary: KindSummary = { kinds: ['Ingress'], component: IngressSummary };
