import './csp';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { preloadShellEnglish, storedLocale } from './i18n';
import './styles.css';

// English was chosen last time: fetch the shell's English alongside the app rather than after it.
if (storedLocale() === 'en') void preloadShellEnglish();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
