// JSON text read as it arrives, in pieces, into the same value JSON.parse gives for the whole text.
// An automatic backup's 57 MB of text came in parts, but was only parsed once the last one was
// there; this lets the worker parse each part while the window still reads and sends the next.
// The outer levels (the backup object, its arrays, their objects: depth 1-3) are read here token by
// token; each array one level down (a plan's rows, an entry's changes) is cut at the commas between
// its elements and its elements parsed by JSON.parse in batches, so almost all of the text goes
// through JSON.parse all the same, and a piece that is not JSON fails as soon as it is read.
// (@streamparser/json, a full streaming parser, was about 9 times slower than JSON.parse.)

/** Containers at this depth or above (root = 1) are read token by token; arrays one below in batches. */
const STRUCTURAL_DEPTH = 3

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c
const COLON = 0x3a
const OPEN_OBJECT = 0x7b
const CLOSE_OBJECT = 0x7d
const OPEN_ARRAY = 0x5b
const CLOSE_ARRAY = 0x5d
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09

type ObjectFrame = {
  kind: 'object'
  value: Record<string, unknown>
  /** first: after '{'; key: after ','; colon: after a key; value: after ':'; next: after a value. */
  state: 'first' | 'key' | 'colon' | 'value' | 'next'
  key: string
}
type ArrayFrame = { kind: 'array'; value: unknown[]; state: 'first' | 'value' | 'next' }
/** An array whose elements are parsed in batches: text from `start` to the last comma at its top level. */
type BatchFrame = {
  kind: 'batch'
  value: unknown[]
  /** Keys and indexes from the root to this array. */
  path: (string | number)[]
  start: number
  /** Where scanning goes on, with the lexer's state there. */
  at: number
  nest: number
  inString: boolean
  escaped: boolean
  lastComma: number
  /** A batch was cut at a comma: an element must follow. */
  afterComma: boolean
}
/** One value read whole (a key, a string or number, or a small object one level down). */
type CaptureFrame = {
  kind: 'capture'
  start: number
  at: number
  mode: 'string' | 'nested' | 'atom'
  nest: number
  inString: boolean
  escaped: boolean
}
type Frame = ObjectFrame | ArrayFrame | BatchFrame | CaptureFrame

export class JsonSyntaxError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'JsonSyntaxError'
  }
}

const decoder = new TextDecoder()

/**
 * Called with each batch of an array's elements as parsed, and the path of that array; true keeps
 * them in the value, false drops them (checked already, and not needed: the array stays empty).
 */
export type OnBatch = (path: readonly (string | number)[], items: readonly unknown[]) => boolean

export class JsonScanner {
  constructor(private readonly onBatch?: OnBatch) {}

  /** Bytes not consumed yet: from the start of the value being read. */
  private buf: Uint8Array = new Uint8Array(0)
  /** Where reading goes on in `buf` (for object and array frames and between values). */
  private pos = 0
  private stack: Frame[] = []
  private root: { value: unknown } | null = null
  private failed: Error | null = null

  /**
   * Reads the next bytes of the text (UTF-8); parses every element completed so far. Throws
   * JsonSyntaxError once the text so far cannot be the start of one JSON value.
   */
  push(bytes: Uint8Array): void {
    if (this.failed) throw this.failed
    if (!bytes.length) return
    let buf: Uint8Array
    if (this.buf.length === 0) buf = bytes
    else {
      buf = new Uint8Array(this.buf.length + bytes.length)
      buf.set(this.buf)
      buf.set(bytes, this.buf.length)
    }
    try {
      this.buf = buf
      this.run()
      this.flushBatch()
      this.compact()
    } catch (err) {
      this.failed = err instanceof JsonSyntaxError ? err : new JsonSyntaxError((err as Error).message)
      throw this.failed
    }
  }

  /** The value of the whole text; throws JsonSyntaxError when the text is not exactly one JSON value. */
  end(): unknown {
    if (this.failed) throw this.failed
    const top = this.stack[this.stack.length - 1]
    // A number or literal at the very end has no delimiter after it.
    if (top?.kind === 'capture' && top.mode === 'atom') {
      this.stack.pop()
      this.complete(this.parse(top.start, this.buf.length))
    }
    if (!this.root || this.stack.length) throw new JsonSyntaxError('The text ends before its value does.')
    return this.root.value
  }

  private parse(from: number, to: number): unknown {
    return JSON.parse(decoder.decode(this.buf.subarray(from, to)))
  }

  /** Drops the bytes read: keeps only what the value being read still needs. */
  private compact(): void {
    const top = this.stack[this.stack.length - 1]
    const keep = top?.kind === 'batch' || top?.kind === 'capture' ? top.start : this.pos
    if (keep === 0) return
    this.buf = this.buf.slice(keep)
    this.pos -= keep
    if (top?.kind === 'batch' || top?.kind === 'capture') {
      top.start -= keep
      top.at -= keep
      if (top.kind === 'batch') top.lastComma -= keep
    }
  }

  /** Parses a batched array's complete elements read so far. */
  private flushBatch(): void {
    const top = this.stack[this.stack.length - 1]
    if (top?.kind !== 'batch' || top.lastComma < top.start) return
    this.addBatch(top, top.lastComma)
    top.start = top.lastComma + 1
    top.afterComma = true
  }

  private addBatch(frame: BatchFrame, end: number): void {
    let blank = true
    for (let i = frame.start; i < end && blank; i++) blank = isSpace(this.buf[i]!)
    if (blank) throw new JsonSyntaxError('An array has an empty element.')
    const text = decoder.decode(this.buf.subarray(frame.start, end))
    const items = JSON.parse(`[${text}]`) as unknown[]
    if (this.onBatch && !this.onBatch(frame.path, items)) return
    // push(...items) would put every element on the stack at once (over V8's limit for large batches).
    for (const item of items) frame.value.push(item)
  }

  private run(): void {
    const buf = this.buf
    const n = buf.length
    for (;;) {
      const top = this.stack[this.stack.length - 1]
      if (top?.kind === 'batch') {
        if (!this.scanBatch(top)) return
        continue
      }
      if (top?.kind === 'capture') {
        if (!this.scanCapture(top)) return
        continue
      }
      let i = this.pos
      while (i < n && isSpace(buf[i]!)) i++
      this.pos = i
      if (i >= n) return
      const c = buf[i]!
      if (!top) {
        if (this.root) throw new JsonSyntaxError('There is more text after the value.')
        this.startValue(i)
        continue
      }
      if (top.kind === 'array') {
        if (top.state === 'next') {
          this.pos = i + 1
          if (c === COMMA) top.state = 'value'
          else if (c === CLOSE_ARRAY) this.close()
          else throw new JsonSyntaxError(`Expected , or ] at byte ${i}.`)
        } else if (top.state === 'first' && c === CLOSE_ARRAY) {
          this.pos = i + 1
          this.close()
        } else this.startValue(i)
        continue
      }
      // An object.
      if (top.state === 'next') {
        this.pos = i + 1
        if (c === COMMA) top.state = 'key'
        else if (c === CLOSE_OBJECT) this.close()
        else throw new JsonSyntaxError(`Expected , or } at byte ${i}.`)
      } else if (top.state === 'colon') {
        if (c !== COLON) throw new JsonSyntaxError(`Expected : at byte ${i}.`)
        this.pos = i + 1
        top.state = 'value'
      } else if (top.state === 'value') this.startValue(i)
      else if (top.state === 'first' && c === CLOSE_OBJECT) {
        this.pos = i + 1
        this.close()
      } else if (c === QUOTE) this.startValue(i)
      else throw new JsonSyntaxError(`Expected a key at byte ${i}.`)
    }
  }

  /** A value begins at byte i: a container read here, an array read in batches, or one read whole. */
  private startValue(i: number): void {
    const c = this.buf[i]!
    const depth = this.stack.length + 1
    if (depth <= STRUCTURAL_DEPTH && c === OPEN_OBJECT) {
      this.stack.push({ kind: 'object', value: {}, state: 'first', key: '' })
      this.pos = i + 1
    } else if (depth <= STRUCTURAL_DEPTH && c === OPEN_ARRAY) {
      this.stack.push({ kind: 'array', value: [], state: 'first' })
      this.pos = i + 1
    } else if (depth === STRUCTURAL_DEPTH + 1 && c === OPEN_ARRAY) {
      this.stack.push({
        kind: 'batch',
        value: [],
        path: this.stack.map((f) => (f.kind === 'object' ? f.key : (f as ArrayFrame).value.length)),
        start: i + 1,
        at: i + 1,
        nest: 0,
        inString: false,
        escaped: false,
        lastComma: -1,
        afterComma: false
      })
    } else {
      const mode = c === QUOTE ? 'string' : c === OPEN_OBJECT || c === OPEN_ARRAY ? 'nested' : 'atom'
      this.stack.push({ kind: 'capture', start: i, at: i, mode, nest: 0, inString: false, escaped: false })
    }
  }

  /** Scans a batched array; true once its ']' was read (and the array completed). */
  private scanBatch(f: BatchFrame): boolean {
    const buf = this.buf
    const n = buf.length
    let { nest, inString, escaped, lastComma } = f
    let i = f.at
    for (; i < n; i++) {
      const c = buf[i]!
      if (inString) {
        if (escaped) escaped = false
        else if (c === BACKSLASH) escaped = true
        else if (c === QUOTE) inString = false
        continue
      }
      if (c === QUOTE) inString = true
      else if (c === COMMA) {
        if (nest === 0) lastComma = i
      } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) nest++
      else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        if (nest > 0) {
          nest--
          continue
        }
        if (c !== CLOSE_ARRAY) throw new JsonSyntaxError(`Expected ] at byte ${i}.`)
        f.lastComma = lastComma
        this.flushBatch()
        let blank = true
        for (let k = f.start; k < i && blank; k++) blank = isSpace(buf[k]!)
        if (!blank) this.addBatch(f, i)
        else if (f.afterComma) throw new JsonSyntaxError('An array ends with a comma.')
        this.pos = i + 1
        this.stack.pop()
        this.complete(f.value)
        return true
      }
    }
    Object.assign(f, { nest, inString, escaped, lastComma, at: i })
    return false
  }

  /** Scans a value read whole; true once it ended (and was parsed). */
  private scanCapture(f: CaptureFrame): boolean {
    const buf = this.buf
    const n = buf.length
    let { nest, inString, escaped } = f
    let i = f.at
    let end = -1
    if (f.mode === 'atom') {
      for (; i < n; i++) {
        const c = buf[i]!
        if (c === COMMA || c === CLOSE_ARRAY || c === CLOSE_OBJECT || isSpace(c)) {
          end = i
          break
        }
      }
    } else {
      for (; i < n; i++) {
        const c = buf[i]!
        if (inString) {
          if (escaped) escaped = false
          else if (c === BACKSLASH) escaped = true
          else if (c === QUOTE) {
            inString = false
            if (nest === 0) {
              end = i + 1
              break
            }
          }
          continue
        }
        if (c === QUOTE) inString = true
        else if (c === OPEN_OBJECT || c === OPEN_ARRAY) nest++
        else if ((c === CLOSE_OBJECT || c === CLOSE_ARRAY) && --nest === 0) {
          end = i + 1
          break
        }
      }
    }
    if (end < 0) {
      Object.assign(f, { nest, inString, escaped, at: i })
      return false
    }
    this.pos = end
    this.stack.pop()
    this.complete(this.parse(f.start, end))
    return true
  }

  /** Closes the object or array on top. */
  private close(): void {
    const f = this.stack.pop() as ObjectFrame | ArrayFrame
    this.complete(f.value)
  }

  /** Gives a completed value to its container (or makes it the root). */
  private complete(value: unknown): void {
    const parent = this.stack[this.stack.length - 1]
    if (!parent) {
      this.root = { value }
      return
    }
    if (parent.kind === 'array') {
      parent.value.push(value)
      parent.state = 'next'
      return
    }
    if (parent.kind !== 'object') throw new JsonSyntaxError('A value where none can be.')
    if (parent.state === 'first' || parent.state === 'key') {
      parent.key = value as string
      parent.state = 'colon'
    } else {
      // As JSON.parse makes it: an own property even when the key is "__proto__".
      Object.defineProperty(parent.value, parent.key, {
        value,
        writable: true,
        enumerable: true,
        configurable: true
      })
      parent.state = 'next'
    }
  }
}
