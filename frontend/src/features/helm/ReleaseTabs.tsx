// A release page's tabs (arrow keys, Home and End move between them).
import { useTranslation } from 'react-i18next';
import { TabList } from '../../components/TabList';

export type ReleaseTab = 'overview' | 'values' | 'objects' | 'history';

export const RELEASE_TABS: readonly ReleaseTab[] = ['overview', 'values', 'objects', 'history'];

/** A tab a link asked for (?tab=), else the overview. */
export function releaseTab(wanted: string | undefined): ReleaseTab {
  return RELEASE_TABS.find((x) => x === wanted) ?? 'overview';
}

export function ReleaseTabs({ id, tab, onTab }: { id: string; tab: ReleaseTab; onTab: (t: ReleaseTab) => void }) {
  const { t } = useTranslation();
  const label = (which: ReleaseTab) =>
    which === 'overview' ? t('helm.tabs.overview') : which === 'values' ? t('helm.tabs.values') : which === 'objects' ? t('helm.tabs.objects') : t('helm.tabs.history');
  return <TabList id={id} label={t('helm.tabs.label')} tabs={RELEASE_TABS} tab={tab} onTab={onTab} labelOf={label} />;
}
