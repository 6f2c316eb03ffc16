// A CDP trace of the page for the board benchmark (bench:board --profile): the renderer's tasks
// (RunTask events of its main thread), what ran inside each (trace events: script, timers, frames,
// GC, layout, paint) and the CPU samples taken meanwhile (V8's sampler in the same trace, so on the
// same clock). The page's own 'longtask' entries are lined up with the trace by a performance.mark,
// so each long task the benchmark counts is named by what ran in it, not guessed from a busy stretch
// of samples (slices of several sliced computations back to back are one stretch but many tasks).
import { SCAFFOLD, top } from './cpu-profile.mjs'

/** A function by name and place (the trace gives -1 for the line of native functions). */
const frameKey = (f) =>
  `${f.functionName || '(anonymous)'} ${f.url ? f.url.split('/').pop() : ''}${f.lineNumber >= 0 ? `:${f.lineNumber + 1}:${f.columnNumber + 1}` : ''}`

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink.user_timing',
  'disabled-by-default-v8.gc',
  // Sampled every millisecond: enough for tasks over 50 ms, and cheaper than the hires sampler.
  'disabled-by-default-v8.cpu_profiler'
]

/** Starts recording a trace of the browser (it survives navigations). */
export async function startTrace(cdp) {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' }
  })
}

/** Marks the page's clock in the trace: the mark's startTime and its trace time line the two up. */
export async function markClock(page, name) {
  return page.evaluate((name) => performance.mark(name).startTime, name)
}

/** Ends the trace and returns its events. */
export async function stopTrace(cdp) {
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve))
  await cdp.send('Tracing.end')
  const { stream } = await done
  const parts = []
  for (;;) {
    const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle: stream, size: 1 << 20 })
    parts.push(base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data)
    if (eof) break
  }
  await cdp.send('IO.close', { handle: stream })
  const text = parts.join('')
  const parsed = JSON.parse(text)
  return Array.isArray(parsed) ? parsed : parsed.traceEvents
}

const ms = (us) => `${(us / 1000).toFixed(1)} ms`
const TASK = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'ThreadPool_RunTask'])

/** What a trace event was, in a few words (the script a call ran, the timer or frame it served). */
function describe(e) {
  const d = e.args?.data ?? {}
  const where = d.url ? ` ${String(d.url).split('/').pop()}:${(d.lineNumber ?? 0) + 1}` : ''
  if (e.name === 'FunctionCall') return `FunctionCall ${d.functionName || '(anonymous)'}${where}`
  if (e.name === 'EventDispatch') return `EventDispatch ${d.type ?? ''}`
  if (e.name === 'TimerFire' || e.name === 'FireAnimationFrame' || e.name === 'FireIdleCallback')
    return e.name
  return e.name + where
}

/** The thread's complete events (X, and B/E pairs joined), in start order. */
function threadEvents(events, pid, tid) {
  const out = []
  const open = []
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid) continue
    if (e.ph === 'X' && e.dur !== undefined) out.push(e)
    else if (e.ph === 'B') open.push(e)
    else if (e.ph === 'E') {
      const b = open.pop()
      if (b) out.push({ ...b, ph: 'X', dur: e.ts - b.ts })
    }
  }
  return out.sort((a, b) => a.ts - b.ts || b.dur - a.dur)
}

/** The CPU samples of one thread: [time (µs), node] with nodes linked to their parents. */
function threadSamples(events, pid, tid) {
  const profiles = new Map()
  for (const e of events) {
    if (e.pid !== pid) continue
    if (e.name === 'Profile') {
      if (e.tid !== tid) continue
      profiles.set(e.id, { t: e.args.data.startTime, nodes: new Map(), samples: [] })
    } else if (e.name === 'ProfileChunk') {
      const p = profiles.get(e.id)
      if (!p) continue
      const { cpuProfile = {}, timeDeltas = [] } = e.args.data
      for (const n of cpuProfile.nodes ?? []) p.nodes.set(n.id, n)
      ;(cpuProfile.samples ?? []).forEach((id, i) => {
        p.t += timeDeltas[i] ?? 0
        p.samples.push([p.t, id])
      })
    }
  }
  const out = []
  for (const p of profiles.values())
    for (const [t, id] of p.samples) out.push({ t, node: p.nodes.get(id), nodes: p.nodes })
  return out.sort((a, b) => a.t - b.t)
}

const IDLE = new Set(['(idle)', '(program)', '(root)'])

/**
 * The main thread's own CPU time in a task (the trace's thread clock): on a loaded machine the task's
 * wall time holds the time other processes had the core, this does not.
 */
const cpu = (task) => (task?.tdur !== undefined ? `, main thread's CPU ${ms(task.tdur)}` : '')

/**
 * Prints each of the page's long tasks (`longTasks`: [startTime, duration] on the page's clock, as
 * the PerformanceObserver saw them) with the trace's task it was, the events that took its time
 * (self time by kind, and its biggest direct parts) and the functions of most self and total time
 * in its samples. `mark` is { name, at }: a performance.mark made in the same document at page time
 * `at`, which lines the page's clock up with the trace's.
 */
export function printLongTasks(events, longTasks, mark, title) {
  const m = events.filter((e) => e.name === mark.name && e.cat?.includes('blink.user_timing')).pop()
  console.log(`  long tasks, ${title}: ${longTasks.length}`)
  if (!longTasks.length) return
  if (!m) {
    console.log('    (the trace holds no clock mark: tasks not lined up)')
    return
  }
  const offset = m.ts - mark.at * 1000
  const { pid, tid } = m
  const evs = threadEvents(events, pid, tid)
  const samples = threadSamples(events, pid, tid)
  for (const [start, dur] of longTasks) {
    const a = start * 1000 + offset
    const b = a + dur * 1000
    // The trace's task is the RunTask overlapping the entry most.
    let task
    let best = 0
    for (const e of evs) {
      if (!TASK.has(e.name) || e.ts > b) continue
      const overlap = Math.min(b, e.ts + e.dur) - Math.max(a, e.ts)
      if (overlap > best) [task, best] = [e, overlap]
    }
    const from = task ? task.ts : a
    const to = task ? task.ts + task.dur : b
    console.log(
      `    at ${start.toFixed(0)} ms, ${dur.toFixed(0)} ms (trace task ${task ? ms(task.dur) : 'not found'}${cpu(task)}):`
    )
    // Self time by event kind, from the nesting of the events inside the task.
    const inside = evs.filter((e) => e !== task && e.ts >= from && e.ts + e.dur <= to && !TASK.has(e.name))
    const self = new Map()
    const stack = []
    const parts = []
    for (const e of inside) {
      while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop()
      const parent = stack.at(-1)
      if (parent) parent.own -= e.dur
      else parts.push(e)
      const entry = { ts: e.ts, dur: e.dur, own: e.dur, name: e.name }
      stack.push(entry)
      e._entry = entry
    }
    for (const e of inside) self.set(e.name, (self.get(e.name) ?? 0) + Math.max(0, e._entry.own))
    console.log(
      `      parts: ${parts
        .sort((x, y) => y.dur - x.dur)
        .slice(0, 4)
        .map((e) => `${describe(e)} ${ms(e.dur)}`)
        .join('; ')}`
    )
    console.log(
      `      events (self): ${top(self, 6)
        .filter(([, v]) => v >= 500)
        .map(([k, v]) => `${k} ${ms(v)}`)
        .join('; ')}`
    )
    const own = new Map()
    const incl = new Map()
    for (let i = 0; i < samples.length; i++) {
      const s = samples[i]
      if (s.t < from || s.t > to || !s.node) continue
      const dt = Math.min(samples[i + 1]?.t ?? s.t, to) - s.t
      const f = s.node.callFrame
      if (IDLE.has(f.functionName)) continue
      own.set(frameKey(f), (own.get(frameKey(f)) ?? 0) + dt)
      const seen = new Set()
      for (let n = s.node; n; n = s.nodes.get(n.parent)) {
        const cf = n.callFrame
        if (!cf.url && cf.functionName !== '(garbage collector)') continue
        const key = frameKey(cf)
        if (SCAFFOLD.test(key) || seen.has(key)) continue
        seen.add(key)
        incl.set(key, (incl.get(key) ?? 0) + dt)
      }
    }
    const list = (map, n) =>
      top(map, n)
        .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`)
        .join('; ')
    console.log(`      self: ${list(own, 6)}`)
    console.log(`      total: ${list(incl, 8)}`)
  }
}

/**
 * Prints the main thread's CPU time (the trace's thread clock, which other processes' turns on a
 * loaded machine do not inflate) from the page's start to each of `moments` ({ label: page time }),
 * in the document the clock mark `mark` was made in: what opening a board cost the window, to its
 * first rows and to its being usable, comparable between builds run at different loads.
 */
export function printCpuTo(events, mark, moments, title) {
  const m = events.filter((e) => e.name === mark.name && e.cat?.includes('blink.user_timing')).pop()
  if (!m) return
  const offset = m.ts - mark.at * 1000
  const tasks = []
  let end = -Infinity
  for (const e of threadEvents(events, m.pid, m.tid)) {
    // Top-level tasks only: a task run inside another is counted in it.
    if (!TASK.has(e.name) || e.tdur === undefined || e.ts < offset || e.ts < end) continue
    tasks.push(e)
    end = e.ts + e.dur
  }
  const parts = Object.entries(moments).map(([label, at]) => {
    const t = offset + at * 1000
    let cpu = 0
    for (const e of tasks) {
      if (e.ts >= t) break
      // A task that runs past the moment counts for its share before it.
      cpu += e.ts + e.dur <= t ? e.tdur : (e.tdur * (t - e.ts)) / Math.max(1, e.dur)
    }
    return `${label} ${ms(cpu)}`
  })
  console.log(`  main thread's CPU from navigation, ${title}: ${parts.join('; ')}`)
}
