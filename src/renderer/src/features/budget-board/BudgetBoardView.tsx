import type { ViewProps } from '../../app/views'
import { ViewHeader } from '../../components/ViewHeader'

export function BudgetBoardView(_props: ViewProps) {
  return <ViewHeader view="budget-board" />
}
