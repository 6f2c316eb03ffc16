// The window: sidebar with plans and views, a top bar with plan actions, and the current view.
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { LANGUAGES, setLanguage, type Language } from '../i18n'
import { invoke, hasApi } from '../lib/ipc'
import { usePlanLoaded, usePlanSelect } from '../db/plan-data'
import { resetToBuiltin } from '../db/plans'
import { autoBackup } from '../db/backup'
import { onStorageNotice } from '../db/storage-status'
import { ErrorBoundary } from '../components/ErrorBoundary'
import { Toaster, toast, toastError } from '../components/Toaster'
import { problemText } from '../components/error-text'
import { msg } from '../i18n/text'
import { ConfirmHost, confirm } from '../components/ConfirmDialog'
import { FormDialogHost } from '../components/FormDialog'
import { PlanTree } from '../features/scenarios/PlanTree'
import { AboutDialog } from './AboutDialog'
import { CurrentPlanProvider, useCurrentPlanId } from '../shell/current-plan'
import { navigate, useRoute } from '../shell/router'
import { useMenuBridge } from '../shell/menu'
import { useUndoRedo } from '../shell/undo'
import { useReorderActions } from '../shell/reorder-actions'
import { formatShortcut, registerAction, runAction, useAction, useActionShortcuts } from '../shell/actions'
import { ActionButton } from '../shell/ActionButton'
import { VIEWS } from './views'
import { AppExtensions } from './extensions'
import { WriteGuard } from '../shell/write-guard'
import { toggleSidebar, useSidebarCollapsed } from '../shell/sidebar'
import type { PlanData } from '@shared/planning/types'
import './strings'

/** Each view is an action (View menu order and keys: Ctrl+1 to Ctrl+8, as in the native menu). */
function useViewActions() {
  useEffect(() => {
    const off = VIEWS.map((v) =>
      registerAction({
        id: `view:${v.id}`,
        label: `common:nav.${v.id}`,
        group: 'view',
        shortcuts: v.key ? [`Mod+${v.key}`] : undefined,
        perform: () => navigate(v.id)
      })
    )
    return () => off.forEach((remove) => remove())
  }, [])
}

const planNameOf = (d: PlanData | undefined) => d?.plan.name ?? ''
const isScenarioOf = (d: PlanData | undefined) => Boolean(d?.plan.baseId)
const hasDataOf = (d: PlanData | undefined) => d !== undefined

function Shell() {
  const { t, i18n } = useTranslation('common')
  const planId = useCurrentPlanId()
  // The frame shows the plan's name and kind only: it renders again when they change, not with
  // every drop (which rendered the sidebar, toolbar and help again each time).
  const planName = usePlanSelect(planId, planNameOf)
  const isScenario = usePlanSelect(planId, isScenarioOf)
  const hasData = usePlanSelect(planId, hasDataOf)
  const loaded = usePlanLoaded(planId)
  const { view } = useRoute()
  const active = VIEWS.find((v) => v.id === view) ?? VIEWS[0]
  useUndoRedo(planId)
  useReorderActions()
  useMenuBridge()
  useActionShortcuts()
  useViewActions()

  useEffect(() => {
    document.title = planName ? `${planName} — Quartermaster` : 'Quartermaster'
    if (hasApi()) void invoke('app:set-title', { planName }).catch(() => undefined)
  }, [planName])

  useEffect(() => {
    document.documentElement.lang = i18n.language
    if (hasApi())
      void invoke('app:set-language', { language: i18n.language === 'de' ? 'de' : 'en' }).catch(
        () => undefined
      )
  }, [i18n.language])

  useEffect(
    () =>
      onStorageNotice((problem) =>
        toast({ title: msg('common:storageError'), description: problemText(problem), kind: 'error' })
      ),
    [t]
  )

  useAction({
    id: 'navigate',
    label: 'common:navigate',
    group: 'view',
    hidden: true,
    perform: ({ arg }) => {
      if (arg) navigate(arg)
    }
  })
  const sidebarCollapsed = useSidebarCollapsed()
  useAction({
    id: 'toggle-sidebar',
    label: 'common:toggleSidebar',
    group: 'view',
    shortcuts: ['Mod+B'],
    perform: () => toggleSidebar()
  })
  useAction({ id: 'reset-plan', label: 'common:resetPlan', group: 'file', perform: () => resetPlan() })
  const resetPlan = async () => {
    const ok = await confirm({
      title: t('resetTitle'),
      message: t('resetText'),
      confirmLabel: t('resetPlan'),
      danger: true
    })
    if (!ok) return
    try {
      // A safety copy first, as before an import or restore: the plan's history goes with the reset.
      const backup = await autoBackup('reset')
      await resetToBuiltin()
      toast({
        title: msg('common:resetDone'),
        description: msg('common:safetyCopy', { path: backup }),
        kind: 'success'
      })
    } catch (err) {
      toastError(msg('common:storageError'), err)
    }
  }

  const groups = ['plan', 'reallocate', 'whatif'] as const
  const View = active.component
  return (
    <>
      <div className={`app ${sidebarCollapsed ? 'sidebar-collapsed' : ''}`}>
        <aside className="sidebar" id="app-sidebar" hidden={sidebarCollapsed}>
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">
              Q
            </span>
            <span className="brand-name">Quartermaster</span>
          </div>
          <PlanTree />
          {groups.map((g) => (
            <nav key={g} aria-label={t(`group.${g}`)} className="nav-group">
              <h2 className="side-heading">{t(`group.${g}`)}</h2>
              <ul>
                {VIEWS.filter((v) => v.group === g).map((v) => (
                  <li key={v.id}>
                    <a
                      href={`#/${v.id}`}
                      className={`nav-item ${v.id === active.id ? 'active' : ''}`}
                      aria-current={v.id === active.id ? 'page' : undefined}
                    >
                      {t(`nav.${v.id}`)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ))}
        </aside>
        <div className="main-col">
          <header className="topbar">
            <button
              type="button"
              className="btn btn-ghost sidebar-toggle"
              aria-controls="app-sidebar"
              aria-expanded={!sidebarCollapsed}
              aria-label={sidebarCollapsed ? t('showSidebar') : t('hideSidebar')}
              title={`${sidebarCollapsed ? t('showSidebar') : t('hideSidebar')} (${formatShortcut('Mod+B')})`}
              onClick={() => runAction('toggle-sidebar', { source: 'toolbar' })}
            >
              <span aria-hidden="true">{sidebarCollapsed ? '»' : '«'}</span>
            </button>
            <div className="plan-title">
              <span className="plan-name" data-testid="plan-name" title={planName}>
                {planName}
              </span>
              {isScenario && <span className="badge">{t('scenarioBadge')}</span>}
            </div>
            <div className="topbar-actions">
              <ActionButton id="undo" icon="↶" />
              <ActionButton id="redo" icon="↷" />
              <AppExtensions.Toolbar />
              <label className="lang-switch">
                <span className="sr-only">{t('language')}</span>
                <select
                  aria-label={t('language')}
                  value={i18n.language === 'de' ? 'de' : 'en'}
                  onChange={(e) => setLanguage(e.target.value as Language)}
                >
                  {LANGUAGES.map((l) => (
                    <option key={l} value={l}>
                      {l === 'de' ? 'Deutsch' : 'English'}
                    </option>
                  ))}
                </select>
              </label>
              <AboutDialog />
            </div>
          </header>
          <main className="content" aria-label={t('mainTitle')} tabIndex={0}>
            <ErrorBoundary resetKey={`${active.id}:${planId}`}>
              {!loaded ? (
                <p className="muted">{t('loading')}</p>
              ) : planId && hasData ? (
                <View planId={planId} />
              ) : (
                <div className="empty-state">
                  <h2>{t('noPlanTitle')}</h2>
                  <p>{t('noPlanText')}</p>
                  <button className="btn btn-primary" onClick={() => void resetPlan()}>
                    {t('resetPlan')}
                  </button>
                </div>
              )}
            </ErrorBoundary>
          </main>
        </div>
      </div>
      <AppExtensions.Global />
      <Toaster />
      <WriteGuard />
      <ConfirmHost />
      <FormDialogHost />
    </>
  )
}

export function App() {
  return (
    <CurrentPlanProvider>
      <Shell />
    </CurrentPlanProvider>
  )
}
