// Every view of the app, in sidebar order. Each lives in features/<id>/.
import type { ComponentType } from 'react'
import type { ViewProps } from '../shell/view-props'
import { OverviewView } from '../features/overview/OverviewView'
import { TimelineView } from '../features/timeline/TimelineView'
import { TeamView } from '../features/team/TeamView'
import { BudgetView } from '../features/budget/BudgetView'
import { RisksView } from '../features/risks/RisksView'
import { DependenciesView } from '../features/dependencies/DependenciesView'
import { DeliverablesView } from '../features/deliverables/DeliverablesView'
import { CapacityBoardView } from '../features/capacity-board/CapacityBoardView'
import { BudgetBoardView } from '../features/budget-board/BudgetBoardView'
import { HistoryView } from '../features/history/HistoryView'
import { ScenariosView } from '../features/scenarios/ScenariosView'

export type ViewDef = {
  id: string
  /** Key in the 'common' namespace: nav.<id> */
  group: 'plan' | 'reallocate' | 'whatif'
  component: ComponentType<ViewProps>
  /** Digit of its Ctrl shortcut, as in the native View menu (src/main/window/menu.ts). */
  key?: string
}

export const VIEWS: ViewDef[] = [
  { id: 'overview', group: 'plan', component: OverviewView, key: '1' },
  { id: 'timeline', group: 'plan', component: TimelineView, key: '2' },
  { id: 'team', group: 'plan', component: TeamView, key: '3' },
  { id: 'budget', group: 'plan', component: BudgetView, key: '4' },
  { id: 'risks', group: 'plan', component: RisksView },
  { id: 'dependencies', group: 'plan', component: DependenciesView },
  { id: 'deliverables', group: 'plan', component: DeliverablesView },
  { id: 'capacity-board', group: 'reallocate', component: CapacityBoardView, key: '5' },
  { id: 'budget-board', group: 'reallocate', component: BudgetBoardView, key: '6' },
  { id: 'history', group: 'reallocate', component: HistoryView, key: '8' },
  { id: 'scenarios', group: 'whatif', component: ScenariosView, key: '7' }
]
