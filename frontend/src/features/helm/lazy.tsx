// The Helm pages, loaded on first use: a user who never opens them never
// downloads them (nor the editor and diff code they share with the YAML dialogs).
import { lazy, Suspense, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';

const ReleasesLazy = lazy(() => import('./HelmReleasesView').then((m) => ({ default: m.HelmReleasesView })));
const ReleaseLazy = lazy(() => import('./HelmReleaseView').then((m) => ({ default: m.HelmReleaseView })));

function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading-text" role="status">
      {t('helm.loadingPage')}
    </p>
  );
}

export function HelmReleasesPage(p: ComponentProps<typeof ReleasesLazy>) {
  return (
    <Suspense fallback={<Loading />}>
      <ReleasesLazy {...p} />
    </Suspense>
  );
}

export function HelmReleasePage(p: ComponentProps<typeof ReleaseLazy>) {
  return (
    <Suspense fallback={<Loading />}>
      <ReleaseLazy {...p} />
    </Suspense>
  );
}
