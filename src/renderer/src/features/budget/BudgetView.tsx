import type { ViewProps } from '../../app/views'
import { ViewHeader } from '../../components/ViewHeader'

export function BudgetView(_props: ViewProps) {
  return <ViewHeader view="budget" />
}
