// Ways into the wizard besides the menu: a spreadsheet chosen under File > Open recent, or dropped
// anywhere on the window.
import { useEffect } from 'react'
import { hasApi, onMainEvent } from '../../lib/ipc'

export function useImportListeners(start: (path?: string) => void): void {
  useEffect(
    () =>
      onMainEvent('file-opened', ({ path }) => {
        if (/\.(xlsx|xlsm|xls|ods|csv|tsv|txt)$/i.test(path)) start(path)
      }),
    [start]
  )

  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault()
    }
    const drop = (e: DragEvent) => {
      const file = e.dataTransfer?.files?.[0]
      if (!file || !hasApi()) return
      e.preventDefault()
      const path = window.api.pathForFile(file)
      if (path) start(path)
    }
    window.addEventListener('dragover', over)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('drop', drop)
    }
  }, [start])
}
