// Pieces other features mount into the shell: toolbar buttons and always-present dialogs
// (import wizard, export and backup). Each feature adds its component here.
import { Fragment } from 'react'

const toolbar: React.ComponentType[] = []
const global: React.ComponentType[] = []

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
