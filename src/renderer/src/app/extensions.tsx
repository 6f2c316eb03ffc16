// Pieces other features mount into the shell: toolbar buttons and always-present dialogs
// (import wizard, export and backup). Each feature adds its component here.
import { Fragment } from 'react'
import { ImportWizard } from '../features/import/ImportWizard'
import { TransferHost } from '../features/transfer/TransferHost'
import { TransferMenu } from '../features/transfer/TransferMenu'
import { HelpHost, HelpMenu } from '../features/help/HelpHost'

const toolbar: React.ComponentType[] = [TransferMenu, HelpMenu]
const global: React.ComponentType[] = [ImportWizard, TransferHost, HelpHost]

export const AppExtensions = {
  Toolbar: () => (
    <>
      {toolbar.map((C, i) => (
        <Fragment key={i}>
          <C />
        </Fragment>
      ))}
    </>
  ),
  Global: () => (
    <>
      {global.map((C, i) => (
        <Fragment key={i}>
          <C />
        </Fragment>
      ))}
    </>
  )
}
