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

export function createHandlers(deps: MainDeps): Handlers {
  return {
    ...appHandlers(deps),
    ...importHandlers(deps),
    ...exportHandlers(deps),
    ...reimportHandlers(deps),
    ...backupHandlers(deps),
    ...scenariosHandlers(deps)
  }
}
