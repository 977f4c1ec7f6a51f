import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { desktop } from './api/desktop';
import { App } from './app/App';
import { saveEverything } from './features/minutes/saveQueue';
import './styles.css';

// The desktop app holds its window's close until every change typed is saved.
desktop()?.onCloseRequested(saveEverything);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
