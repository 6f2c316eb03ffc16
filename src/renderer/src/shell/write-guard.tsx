// The renderer's side of closing, reloading and quitting: main asks (the 'flush-writes' event),
// the window waits for its pending IndexedDB writes and answers; if that takes more than a few
// seconds it says so on screen. beforeunload holds any other unload while writes are pending.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { pendingWrites, whenWritesDone } from '../db/pending'
import { hasApi, invoke, onMainEvent } from '../lib/ipc'

/** How long the window waits quietly before it shows that it is still saving. */
export const SAVING_NOTICE_MS = 2_000

function useFlushRequests(onSlow: (slow: boolean) => void) {
  useEffect(() => {
    if (!hasApi()) return undefined
    return onMainEvent('flush-writes', ({ requestId }) => {
      const timer = setTimeout(() => onSlow(true), SAVING_NOTICE_MS)
      void whenWritesDone().then(() => {
        clearTimeout(timer)
        onSlow(false)
        return invoke('app:writes-flushed', { requestId }).catch(() => undefined)
      })
    })
  }, [onSlow])
}

function useHoldUnloadWhilePending() {
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (pendingWrites() === 0) return
      e.preventDefault()
      // Chromium still wants returnValue set to hold the unload.
      e.returnValue = ''
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => window.removeEventListener('beforeunload', onBeforeUnload)
  }, [])
}

/** Mounted once in the window: answers main's flush requests and shows the saving notice. */
export function WriteGuard() {
  const { t } = useTranslation('common')
  const [slow, setSlow] = useState(false)
  useFlushRequests(setSlow)
  useHoldUnloadWhilePending()
  if (!slow) return null
  return (
    <div className="saving-notice" role="alertdialog" aria-modal="true" aria-labelledby="saving-title">
      <div className="saving-card">
        <h2 id="saving-title">{t('savingTitle')}</h2>
        <p>{t('savingText')}</p>
        <div className="progress" aria-hidden="true">
          <div className="progress-indeterminate" />
        </div>
      </div>
    </div>
  )
}
