// The Access page's tabs (arrow keys move between them).
import { useTranslation } from 'react-i18next';
import { TabList } from '../../components/TabList';

export type AccessTab = 'matrix' | 'mine' | 'shared';

const ORDER: readonly AccessTab[] = ['matrix', 'mine', 'shared'];

export function AccessTabs({ id, tab, onTab }: { id: string; tab: AccessTab; onTab: (t: AccessTab) => void }) {
  const { t } = useTranslation();
  const label = (which: AccessTab) => (which === 'matrix' ? t('access.tabs.matrix') : which === 'mine' ? t('access.tabs.mine') : t('access.tabs.shared'));
  return <TabList id={id} label={t('access.tabs.label')} tabs={ORDER} tab={tab} onTab={onTab} labelOf={label} />;
}
