import type { ViewProps } from '../../app/views'
import { ViewHeader } from '../../components/ViewHeader'

export function CapacityBoardView(_props: ViewProps) {
  return <ViewHeader view="capacity-board" />
}
