// Help > About: facts from the main process (a real IPC round trip).
import { Dialog } from 'radix-ui'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppInfo } from '@shared/ipc/channels/app'
import { invoke } from '../lib/ipc'
import { toastError } from '../components/Toaster'
import { useMenuCommand } from '../shell/menu'

export function AboutDialog() {
  const { t } = useTranslation('common')
  const [info, setInfo] = useState<AppInfo | null>(null)
  const open = () =>
    invoke('app:info', {})
      .then(setInfo)
      .catch((err) => toastError(t('aboutTitle'), err))
  useMenuCommand('about', () => void open())
  return (
    <>
      <button className="btn btn-ghost" onClick={() => void open()}>
        {t('about')}
      </button>
      <Dialog.Root open={info !== null} onOpenChange={(o) => !o && setInfo(null)}>
        <Dialog.Portal>
          <Dialog.Overlay className="dialog-overlay" />
          <Dialog.Content className="dialog-content dialog-narrow">
            <Dialog.Title className="dialog-title">{t('aboutTitle')}</Dialog.Title>
            <Dialog.Description className="dialog-text">{t('aboutText')}</Dialog.Description>
            {info && (
              <dl className="facts" aria-label={t('aboutTitle')}>
                <dt>{t('version')}</dt>
                <dd data-testid="about-version">{info.version}</dd>
                <dt>{t('platform')}</dt>
                <dd>{info.platform}</dd>
                <dt>{t('electron')}</dt>
                <dd>{info.electron ?? t('notInElectron')}</dd>
                <dt>{t('node')}</dt>
                <dd>{info.node}</dd>
                <dt>{t('dataFolder')}</dt>
                <dd className="mono">{info.userDataDir}</dd>
              </dl>
            )}
            <div className="dialog-actions">
              <Dialog.Close className="btn btn-primary">{t('close')}</Dialog.Close>
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </>
  )
}
