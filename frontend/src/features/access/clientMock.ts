// What the tests' mock of api/client answers: the preferences and cluster status
// useAccess and useReadOnly read (no imports: vi.mock factories load it).
export const clientMock = {
  transport: () => 'http',
  apiHeaders: () => ({}),
  api: {
    Preferences: () => Promise.resolve({ contexts: {} }),
    ClusterStatus: () => Promise.resolve({ state: 'ready', user: 'admin', groups: [], auth: 'kubeconfig' }),
    Namespaces: () => Promise.resolve({ namespaces: ['team-a', 'team-b'], restricted: false }),
  },
};
