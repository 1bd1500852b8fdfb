// Rendering Access views in tests: the app's query client around them.
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createQueryClient } from '../../api/queries';

export function renderWithQueries(ui: ReactElement) {
  const client = createQueryClient();
  return { client, ...render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>) };
}

/** What api/client's mock answers for the preferences and cluster status useAccess and useReadOnly read. */
export const clientMock = {
  transport: () => 'http',
  apiHeaders: () => ({}),
  api: {
    Preferences: () => Promise.resolve({ contexts: {} }),
    ClusterStatus: () => Promise.resolve({ state: 'ready', user: 'admin', groups: [], auth: 'kubeconfig' }),
    Namespaces: () => Promise.resolve({ namespaces: ['team-a', 'team-b'], restricted: false }),
  },
};
