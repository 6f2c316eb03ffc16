// Focus on the first control of each wizard step: the control that had it (the previous step's
// button) is gone, and Radix then focuses the dialog's frame, which draws its outline round the
// whole window at 960x600 and leaves the keyboard user nowhere.
import { useEffect, useRef, type RefObject } from 'react'

const CONTROL =
  'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [href], [tabindex]:not([tabindex="-1"])'

/**
 * `step` names the step and whether its content is there yet: a step whose rows are still being
 * worked out shows only the wizard's buttons, which hold the focus until its controls appear.
 */
export function useStepFocus(content: RefObject<HTMLElement | null>, step: string): void {
  const stopgap = useRef<Element | null>(null)
  useEffect(() => {
    const el = content.current
    if (!el) return
    const active = document.activeElement
    // A control the user is on keeps the focus.
    if (active && active !== el && el.contains(active) && active !== stopgap.current) return
    const controls = [...el.querySelectorAll<HTMLElement>(CONTROL)]
    const inStep = controls.find((c) => !c.closest('.dialog-actions'))
    const target = inStep ?? controls[0]
    stopgap.current = inStep ? null : (target ?? null)
    target?.focus()
  }, [content, step])
}
