// A workstream's row header in the tables listing workstreams (Timeline schedule, Dependencies):
// its key over its title.
import type { Workstream } from '@shared/planning/types'

export function WorkstreamRowHeader({ ws }: { ws: Pick<Workstream, 'key' | 'title'> }) {
  return (
    <th scope="row">
      <div className="ws-key">{ws.key}</div>
      <div className="muted ws-sub">{ws.title}</div>
    </th>
  )
}
