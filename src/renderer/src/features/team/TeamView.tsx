import type { ViewProps } from '../../app/views'
import { ViewHeader } from '../../components/ViewHeader'

export function TeamView(_props: ViewProps) {
  return <ViewHeader view="team" />
}
