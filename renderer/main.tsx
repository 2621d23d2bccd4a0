import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startLinkHandover } from './features/links';
import './styles/app.css';

// Before the first render: a link the desktop kept for this window is sent as soon as it has loaded.
startLinkHandover();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
