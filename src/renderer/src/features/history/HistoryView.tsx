import type { ViewProps } from '../../app/views'
import { ViewHeader } from '../../components/ViewHeader'

export function HistoryView(_props: ViewProps) {
  return <ViewHeader view="history" />
}
