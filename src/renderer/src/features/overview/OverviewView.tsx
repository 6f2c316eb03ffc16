import type { ViewProps } from '../../app/views'
import { ViewHeader } from '../../components/ViewHeader'

export function OverviewView(_props: ViewProps) {
  return <ViewHeader view="overview" />
}
