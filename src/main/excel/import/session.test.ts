import { describe, expect, it } from 'vitest'
import { workerExecArgv } from './session'

describe("the parse worker's node flags", () => {
  it.each([
    [['--import', 'tsx'], []],
    [['--import=tsx', '--max-old-space-size=4096'], ['--max-old-space-size=4096']],
    [['-r', 'ts-node/register', '--enable-source-maps'], ['--enable-source-maps']],
    [['--require=x', '--loader', 'y', '--experimental-loader=z', '--cpu-prof'], ['--cpu-prof']],
    [['--no-warnings'], ['--no-warnings']]
  ])('%j reaches the worker as %j: loaders stay with the parent', (parent, worker) => {
    expect(workerExecArgv(parent)).toEqual(worker)
  })
})
