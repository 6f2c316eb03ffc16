// The toolbar's Export menu: the same commands as the native File menu, where a user looks for
// them in the window, plus re-import and the automatic backups.
import { DropdownMenu } from 'radix-ui'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AutoBackup } from '@shared/ipc/channels/export'
import { autoBackupReason, type AutoBackupReason } from '@shared/export/backup-format'
import { runAction } from '../../shell/actions'
import { hasApi, invoke } from '../../lib/ipc'
import { formatDateTime } from '../../lib/format'
import { requestTransfer, useTransferBusy } from './TransferHost'
import './strings'
import './transfer.css'

const AUTO_LABEL: Record<AutoBackupReason, string> = {
  import: 'autoBeforeImport',
  restore: 'autoBeforeRestore',
  reset: 'autoBeforeReset',
  delete: 'autoBeforeDelete'
}

export function TransferMenu() {
  const { t } = useTranslation('transfer')
  const busy = useTransferBusy()
  const [autos, setAutos] = useState<AutoBackup[] | null>(null)
  return (
    <DropdownMenu.Root
      onOpenChange={(open) => {
        if (open && hasApi())
          void invoke('backup:list-auto', {})
            .then(setAutos)
            .catch(() => setAutos([]))
      }}
    >
      <DropdownMenu.Trigger className="btn btn-ghost" aria-label={t('menuLabel')} disabled={busy}>
        ⇩ {t('menu')}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="transfer-menu" align="end" sideOffset={4}>
          <DropdownMenu.Item className="transfer-menu-item" onSelect={() => runAction('export')}>
            {t('exportXlsx')}
          </DropdownMenu.Item>
          <DropdownMenu.Item
            className="transfer-menu-item"
            onSelect={() => runAction('export-csv', { source: 'toolbar', arg: 'team' })}
          >
            {t('exportCsvTeam')}
          </DropdownMenu.Item>
          <DropdownMenu.Item
            className="transfer-menu-item"
            onSelect={() => runAction('export-csv', { source: 'toolbar', arg: 'budget' })}
          >
            {t('exportCsvBudget')}
          </DropdownMenu.Item>
          <DropdownMenu.Item
            className="transfer-menu-item"
            onSelect={() => requestTransfer({ kind: 'reimport' })}
          >
            {t('reimport')}
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="transfer-menu-separator" />
          <DropdownMenu.Item className="transfer-menu-item" onSelect={() => runAction('backup')}>
            {t('backup')}
          </DropdownMenu.Item>
          <DropdownMenu.Item className="transfer-menu-item" onSelect={() => runAction('restore')}>
            {t('restore')}
          </DropdownMenu.Item>
          <DropdownMenu.Sub>
            <DropdownMenu.SubTrigger className="transfer-menu-item">
              {t('restoreAuto')} ▸
            </DropdownMenu.SubTrigger>
            <DropdownMenu.Portal>
              <DropdownMenu.SubContent className="transfer-menu" sideOffset={4}>
                {autos && autos.length === 0 && (
                  <DropdownMenu.Item className="transfer-menu-item" disabled>
                    {t('noAutoBackups')}
                  </DropdownMenu.Item>
                )}
                {autos?.map((b) => (
                  <DropdownMenu.Item
                    key={b.path}
                    className="transfer-menu-item"
                    onSelect={() => requestTransfer({ kind: 'restore-auto', path: b.path })}
                  >
                    {formatDateTime(b.createdAt)} · {t(AUTO_LABEL[autoBackupReason(b.name) ?? 'import'])}
                  </DropdownMenu.Item>
                ))}
              </DropdownMenu.SubContent>
            </DropdownMenu.Portal>
          </DropdownMenu.Sub>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  )
}
