// All main-process handlers, composed from one factory per area. No electron imports here:
// Vitest and the end-to-end harness run these same handlers in plain Node.
import type { MainDeps } from '../deps'
import type { Handlers } from '../../shared/ipc/dispatch'
import { appHandlers } from './app'
import { importHandlers } from './import'
import { exportHandlers } from './export'
import { reimportHandlers } from './reimport'
import { backupHandlers } from './backup'
import { scenariosHandlers } from './scenarios'
import { createWarmWorker } from '../excel/import/warm-worker'

export function createHandlers(deps: MainDeps): Handlers {
  // Every automatic backup goes through this worker; the import wizard starts it when it opens
  // (its commit begins with one), and it ends when the app quits.
  const backupWorker = createWarmWorker({ workerPath: deps.parseWorkerPath })
  deps.onQuit?.(() => backupWorker.close())
  return {
    ...appHandlers(deps),
    ...importHandlers(deps, { backupWorker }),
    ...exportHandlers(deps),
    ...reimportHandlers(deps),
    ...backupHandlers(deps, { backupWorker }),
    ...scenariosHandlers(deps)
  }
}
