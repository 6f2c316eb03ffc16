import type { ViewProps } from '../../app/views'
import { ViewHeader } from '../../components/ViewHeader'

export function RisksView(_props: ViewProps) {
  return <ViewHeader view="risks" />
}
