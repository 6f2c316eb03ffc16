import type { ViewProps } from '../../app/views'
import { ViewHeader } from '../../components/ViewHeader'

export function DeliverablesView(_props: ViewProps) {
  return <ViewHeader view="deliverables" />
}
