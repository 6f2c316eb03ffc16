import type { ViewProps } from '../../app/views'
import { ViewHeader } from '../../components/ViewHeader'

export function TimelineView(_props: ViewProps) {
  return <ViewHeader view="timeline" />
}
