// A CronJob's summary: its schedule and the jobs running now.
import { useTranslation } from 'react-i18next';
import { activeJobs, cronJobSummary as cronJobRows } from '../summaries';
import { KV, Section } from '../parts';
import { ObjectLink } from './shared';
import type { KindSummary, KindSummaryProps } from './types';

const JOBS = { group: 'batch', version: 'v1', resource: 'jobs' };

function CronJobSummary({ context, kind, object: o, meta }: KindSummaryProps) {
  const { t } = useTranslation();
  const jobs = activeJobs(o);
  return (
    <>
      <Section title={kind}>
        <KV rows={cronJobRows(o, t)} />
      </Section>
      <Section title={t('details.cronjob.activeJobs')}>
        {jobs.length === 0 ? (
          <p className="muted">{t('details.cronjob.noActiveJobs')}</p>
        ) : (
          <ul>
            {jobs.map((j) => (
              <li key={j.name}>
                <ObjectLink context={context} gvr={JOBS} namespace={j.namespace || meta.namespace} name={j.name} />
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}

export const cronJobSummary: KindSummary = { kinds: ['CronJob'], component: CronJobSummary };
