import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './i18n'
import './styles.css'
import { App } from './app/App'
import { requestPersistentStorage } from './db/storage'

// Asked once at start: a persistent database is never evicted by Chromium under disk pressure.
void requestPersistentStorage()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>
)
