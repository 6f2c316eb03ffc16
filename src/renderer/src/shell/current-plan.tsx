// Which plan (or scenario) the window shows. On first start this writes the built-in plan.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react'
import { ensureBuiltinPlan, setCurrentPlanId, useCurrentPlanSetting } from '../db/plans'
import { describeStorageError, type StorageProblem } from '../db/storage-status'
import { problemText } from '../components/error-text'
import { translate } from '../i18n/text'

type Ctx = { planId: string | null; selectPlan: (id: string) => Promise<void> }
const CurrentPlan = createContext<Ctx>({ planId: null, selectPlan: async () => undefined })

export function CurrentPlanProvider({ children }: { children: ReactNode }) {
  const stored = useCurrentPlanSetting()
  const [ready, setReady] = useState(false)
  const [error, setError] = useState<StorageProblem | null>(null)

  useEffect(() => {
    ensureBuiltinPlan()
      .then(() => setReady(true))
      .catch((err) => setError(describeStorageError(err)))
  }, [])

  if (error) {
    return (
      <div className="error-panel" role="alert">
        <h2>Quartermaster</h2>
        <p>{translate(problemText(error))}</p>
      </div>
    )
  }
  const planId = ready ? (stored ?? null) : null
  return (
    <CurrentPlan.Provider value={{ planId, selectPlan: (id) => setCurrentPlanId(id) }}>
      {children}
    </CurrentPlan.Provider>
  )
}

export function useCurrentPlanId(): string | null {
  return useContext(CurrentPlan).planId
}

export function useSelectPlan(): (id: string) => Promise<void> {
  return useContext(CurrentPlan).selectPlan
}
