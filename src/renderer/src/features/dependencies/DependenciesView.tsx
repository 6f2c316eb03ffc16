import type { ViewProps } from '../../app/views'
import { ViewHeader } from '../../components/ViewHeader'

export function DependenciesView(_props: ViewProps) {
  return <ViewHeader view="dependencies" />
}
