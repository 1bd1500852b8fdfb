import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createQueryClient } from './api/queries';
import { applyTheme, connectDesktopTheme } from './theme';
import { connectLanguage } from './i18n/choice';
import './styles/base.css';
import './styles/layout.css';
import './styles/picker.css';
import './styles/table.css';
import './styles/states.css';
import './styles/panes.css';

applyTheme();
connectDesktopTheme();
connectLanguage();
const root = document.getElementById('root');
if (!root) throw new Error('no #root element');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
