// The boards' Alt+arrow moves as actions: listed in help and the palette, run by the shared key
// dispatcher, enabled while a chip of the mounted board has focus. Labels: 'board' namespace.
import { useEffect } from 'react'
import type { BoardController, StepDirection } from '../components/board/use-board'
import { registerAction } from './actions'

const STEPS: { direction: StepDirection; key: string }[] = [
  { direction: 'left', key: 'ArrowLeft' },
  { direction: 'right', key: 'ArrowRight' },
  { direction: 'up', key: 'ArrowUp' },
  { direction: 'down', key: 'ArrowDown' }
]

export function useBoardActions({ step, canStep }: Pick<BoardController, 'step' | 'canStep'>): void {
  useEffect(() => {
    const off = STEPS.flatMap(({ direction, key }) =>
      [false, true].map((half) =>
        registerAction({
          id: `board:${half ? 'move-half' : 'move'}-${direction}`,
          label: `board:action.${half ? 'half' : 'move'}.${direction}`,
          group: 'board',
          shortcuts: [half ? `Alt+Shift+${key}` : `Alt+${key}`],
          enabled: canStep,
          perform: () => void step(direction, half)
        })
      )
    )
    return () => off.forEach((remove) => remove())
  }, [step, canStep])
}
