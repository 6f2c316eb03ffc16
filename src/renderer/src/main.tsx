import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './i18n'
import './styles.css'
import { App } from './app/App'
import { requestPersistentStorage } from './db/storage'

// Asked once at start: a persistent database is never evicted by Chromium under disk pressure.
void requestPersistentStorage()

// Benchmark builds only (VITE_QM_BENCH=1, see bench/board.mjs): Vite replaces the constant, so a
// normal build drops this branch and carries neither the hook nor the large-plan generator.
if (import.meta.env.VITE_QM_BENCH === '1') void import('./app/bench-hook')

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>
)
