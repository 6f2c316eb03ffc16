import type { ViewProps } from '../../app/views'
import { ViewHeader } from '../../components/ViewHeader'

export function ScenariosView(_props: ViewProps) {
  return <ViewHeader view="scenarios" />
}
