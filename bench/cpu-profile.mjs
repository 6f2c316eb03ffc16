// CPU profiles of the page over CDP for the benchmarks (bench:board --profile, bench:import-ui with
// QM_BENCH_PROFILE=1): the functions of most self time, and each busy stretch over 50 ms (a long
// task) with the functions it spent its time in. Build unminified (QM_BENCH_PROFILE=1) for names.

const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : 'n/a')

/** Starts a CDP CPU profile of the page; the session survives navigations. */
export async function startProfile(cdp) {
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
}

export const frameKey = (f) =>
  `${f.functionName || '(anonymous)'} ${f.url ? f.url.split('/').pop() : ''}:${f.lineNumber + 1}:${f.columnNumber + 1}`
/** React's and the scheduler's own frames: under every render, they name no cause in a "total" list. */
export const SCAFFOLD =
  /^(performWork|performSyncWork|performUnitOfWork|workLoop|renderRoot|beginWork|completeRoot|commitRoot|flush|processRootSchedule|recursively|commit[A-Z]|update(Function|SimpleMemo|Memo)Component|renderWithHooks|runWithFiberInDEV|exports\.|\(anonymous\) )/
export const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n)

/**
 * Stops the profile and prints the functions with the most self time (ms), by name and place; then
 * each busy stretch of the profile over 50 ms (samples with no idle between them: one long task,
 * or tasks back to back) with its own most self time and most total time, so each long task of a
 * phase is traced to its code. Sampled at 200 µs, a stretch's length is that of the task to a
 * sample or two.
 */
export async function stopProfile(cdp, title, n = 15) {
  const { profile } = await cdp.send('Profiler.stop')
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map()
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id)
  const idleFrame = (f) => f.functionName === '(idle)' || f.functionName === '(program)'
  const self = new Map()
  let total = 0
  // Busy stretches: [first sample, last sample] indexes with no idle sample between.
  const stretches = []
  let open = null
  let t = profile.startTime
  const times = profile.samples.map((_, i) => (t += profile.timeDeltas[i] ?? 0))
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000
    const f = byNode.get(id).callFrame
    if (idleFrame(f)) {
      if (open) stretches.push(open)
      open = null
      return
    }
    if (open) open[1] = i
    else open = [i, i]
    const key = frameKey(f)
    self.set(key, (self.get(key) ?? 0) + dt)
    total += dt
  })
  if (open) stretches.push(open)
  console.log(`  profile, ${title}: ${ms(total)} busy; most self time:`)
  for (const [k, v] of top(self, n)) console.log(`    ${v.toFixed(1).padStart(8)} ms  ${k}`)
  const long = stretches
    .map(([a, b]) => ({ a, b, dur: (times[b + 1] ?? times[b]) / 1000 - times[a] / 1000 }))
    .filter((s) => s.dur > 50)
  console.log(`  busy stretches over 50 ms: ${long.length}`)
  for (const { a, b, dur } of long) {
    const own = new Map()
    const incl = new Map()
    for (let i = a; i <= b; i++) {
      const dt = ((times[i + 1] ?? times[i]) - times[i]) / 1000
      const node = byNode.get(profile.samples[i])
      own.set(frameKey(node.callFrame), (own.get(frameKey(node.callFrame)) ?? 0) + dt)
      const seen = new Set()
      for (let id = node.id; id !== undefined; id = parent.get(id)) {
        const f = byNode.get(id).callFrame
        // Script frames (and the GC), React's scaffolding left out: they say little here.
        if (!f.url && f.functionName !== '(garbage collector)') continue
        const key = frameKey(f)
        if (SCAFFOLD.test(key)) continue
        if (seen.has(key)) continue
        seen.add(key)
        incl.set(key, (incl.get(key) ?? 0) + dt)
      }
    }
    const at = ((times[a] - profile.startTime) / 1000).toFixed(0)
    console.log(
      `    at ${at} ms, ${ms(dur)}: self ${top(own, 6)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join('; ')}`
    )
    console.log(
      `      total ${top(incl, 10)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join('; ')}`
    )
  }
}
