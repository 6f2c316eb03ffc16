// Edit one value in place: a button that shows the value; click or Enter opens a text field;
// Enter or leaving the field saves, Escape cancels. Input is parsed by the caller's validator
// (from @shared/planning/validate), and a refused value stays in the field with its reason
// beside it: nothing is stored until the text parses.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import type { Validation, ValidationError } from '@shared/planning/validate'
import type { ChangeKind, EntityChange, PlanData } from '@shared/planning/types'
import { commitChanges, commitQueued, type Summary } from '../db/commit'
import { i18n } from '../i18n'
import { toastError } from './Toaster'
import { translate, type Text } from '../i18n/text'
import { errorText as failureText } from './error-text'
import { NumberHint } from './NumberHint'
import './InlineEdit.css'
import './strings'

export type InlineEditProps<T> = {
  /** Accessible name of the field, e.g. "Database Migration Tools + Consulting, amount". */
  label: string
  /** What is shown while not editing. */
  display: ReactNode
  /** Plain text of the shown value, read to screen readers after the label. */
  valueText: string
  /** Text put into the field when editing starts. */
  initial: string
  parse: (text: string) => Validation<T>
  /** Stores the value; a thrown error keeps the field open with the error's message. */
  onSave: (value: T) => Promise<void> | void
  /**
   * The value as it will be stored ("€20,000.00"): shown under the field while typing, and on
   * the buttons that ask when the text reads differently in German and English writing.
   */
  preview?: (value: T) => string
  /** Replaces the generic message for a validation error (e.g. with the allowed range). */
  errorText?: (error: ValidationError) => string | undefined
  align?: 'left' | 'right'
  /** Width of the field in characters. */
  size?: number
  className?: string
  disabled?: boolean
}

export function InlineEdit<T>({
  label,
  display,
  valueText,
  initial,
  parse,
  onSave,
  preview,
  errorText,
  align = 'right',
  size = 10,
  className,
  disabled
}: InlineEditProps<T>) {
  const [editing, setEditing] = useState(false)
  const [text, setText] = useState(initial)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const refocus = useRef(false)
  const errorId = useId()
  const hintId = useId()
  // i18n.t rather than the hook: a table holds hundreds of these, and the parent view
  // re-renders them on a language change anyway.
  const t = (key: string) => i18n.t(key, { ns: 'inline-edit' })

  useEffect(() => {
    if (editing) inputRef.current?.select()
    else if (refocus.current) {
      refocus.current = false
      // Only take focus back when it was lost with the field, never from another control.
      const active = document.activeElement
      if (!active || active === document.body) buttonRef.current?.focus()
    }
  }, [editing])

  const start = () => {
    if (disabled) return
    setText(initial)
    setError(null)
    setEditing(true)
  }
  const cancel = () => {
    refocus.current = true
    setError(null)
    setEditing(false)
  }
  const save = async (viaKeyboard: boolean) => {
    if (saving) return
    if (text.trim() === initial.trim()) {
      refocus.current = viaKeyboard
      setError(null)
      setEditing(false)
      return
    }
    const parsed = parse(text)
    // An ambiguous text waits for its reading to be picked from the question under the field.
    if (!parsed.ok && parsed.error === 'ambiguous') return
    if (!parsed.ok) {
      setError(errorText?.(parsed.error) ?? t(`error.${parsed.error}`))
      return
    }
    await store(parsed.value, viaKeyboard)
  }
  const store = async (value: T, viaKeyboard: boolean) => {
    setSaving(true)
    try {
      await onSave(value)
      refocus.current = viaKeyboard
      setError(null)
      setEditing(false)
    } catch (err) {
      setError(err instanceof Error && err.message ? translate(failureText(err)) : t('error.failed'))
    } finally {
      setSaving(false)
    }
  }

  if (!editing) {
    return (
      <button
        ref={buttonRef}
        type="button"
        className={`ie-display ie-${align} ${className ?? ''}`}
        aria-label={`${label}, ${valueText}`}
        title={t('hint')}
        onClick={start}
        disabled={disabled}
      >
        {display}
      </button>
    )
  }
  // Only number fields pass a preview; the hint shows what typing will store, or asks.
  const live = parse(text)
  const hint =
    !saving &&
    (live.ok ? preview !== undefined && text.trim() !== initial.trim() : live.error === 'ambiguous')
  return (
    <span
      className={`ie-editing ie-${align} ${className ?? ''}`}
      style={{ '--ie-width': `${size + 3}ch` } as React.CSSProperties}
    >
      <input
        ref={inputRef}
        className="text ie-input"
        aria-label={label}
        aria-invalid={error || (!live.ok && live.error === 'ambiguous') ? true : undefined}
        aria-describedby={error ? errorId : hint ? hintId : undefined}
        title={t('editing')}
        value={text}
        size={size}
        onChange={(e) => {
          setText(e.target.value)
          if (error) setError(null)
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            void save(true)
          } else if (e.key === 'Escape') {
            e.preventDefault()
            e.stopPropagation()
            cancel()
          }
        }}
        onBlur={() => {
          // A refused value stays open with its message rather than vanishing unsaved.
          if (!error) void save(false)
        }}
        disabled={saving}
      />
      {error && (
        <span id={errorId} className="field-error ie-error" role="alert">
          {error}
        </span>
      )}
      {hint && (
        <NumberHint
          id={hintId}
          className="ie-hint"
          result={live}
          format={preview ?? String}
          onChoose={(v) => {
            refocus.current = true
            void store(v, true)
          }}
        />
      )}
    </span>
  )
}

/**
 * Stores an in-place edit through the one commit path, queued behind the edits before it: each
 * reads the plan only after the previous one is stored. Two quick edits of one entity
 * (probability, then impact of the same risk) would otherwise both start from the old row, and
 * the later write would undo the earlier one.
 */
export function commitEdit(
  planId: string,
  summary: Summary,
  compute: (data: PlanData) => EntityChange[],
  kind: ChangeKind = 'edit'
): Promise<void> {
  return commitQueued(planId, kind, summary, compute)
}

/**
 * For checkboxes and selects: computes the changes on the plan the view shows and commits at
 * once, so the control flips in the same frame; failures become an error toast.
 */
export function commitToggle(
  planId: string,
  data: PlanData,
  summary: Summary,
  compute: (data: PlanData) => EntityChange[],
  failTitle: Text
): void {
  try {
    commitChanges(planId, 'edit', summary, compute(data)).catch((err) => toastError(failTitle, err))
  } catch (err) {
    toastError(failTitle, err)
  }
}

/** Text of a number for an edit field in the UI language: no grouping, "." or "," as decimal mark. */
export function editNumberText(value: number, lang: 'en' | 'de', maxDigits = 2): string {
  const fixed = Number.isInteger(value) ? String(value) : value.toFixed(maxDigits).replace(/\.?0+$/, '')
  return lang === 'de' ? fixed.replace('.', ',') : fixed
}
