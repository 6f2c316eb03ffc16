// Help > About: facts from the main process (a real IPC round trip) and the database's storage:
// its size, whether Chromium keeps it, and the automatic backups' folder with a button to open it.
import { Dialog } from 'radix-ui'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppInfo } from '@shared/ipc/channels/app'
import { invoke } from '../lib/ipc'
import { formatBytes } from '../lib/format'
import { storageFacts, type StorageFacts } from '../db/storage'
import { toastError } from '../components/Toaster'
import { msg } from '../i18n/text'
import { useAction } from '../shell/actions'

export function AboutDialog() {
  const { t } = useTranslation('common')
  const [info, setInfo] = useState<AppInfo | null>(null)
  const [storage, setStorage] = useState<StorageFacts | null>(null)
  const open = () =>
    Promise.all([invoke('app:info', {}), storageFacts()])
      .then(([i, s]) => {
        setStorage(s)
        setInfo(i)
      })
      .catch((err) => toastError(msg('common:aboutTitle'), err))
  const openBackups = () =>
    invoke('app:open-backups-folder', {}).catch((err) => toastError(msg('common:openBackupsFailed'), err))
  useAction({ id: 'about', label: 'common:aboutTitle', group: 'help', perform: () => void open() })
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
            {info && storage && (
              <section className="about-storage" aria-labelledby="about-storage-title">
                <h3 id="about-storage-title" className="about-subtitle">
                  {t('storageTitle')}
                </h3>
                <dl className="facts">
                  <dt>{t('databaseSize')}</dt>
                  <dd data-testid="storage-usage">
                    {storage.usage === null ? t('unknown') : formatBytes(storage.usage)}
                  </dd>
                  <dt>{t('storageKept')}</dt>
                  <dd data-testid="storage-persisted">
                    {storage.persisted ? t('storagePersistent') : t('storageBestEffort')}
                  </dd>
                  <dt>{t('backupsFolder')}</dt>
                  <dd className="mono" data-testid="backups-folder">
                    {info.backupsDir}
                  </dd>
                </dl>
                <button className="btn" onClick={() => void openBackups()}>
                  {t('openBackups')}
                </button>
              </section>
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
