// File > Import spreadsheet, or a file dropped on the window: choose the file, watch it being read
// (cancel any time), pick the sheet and header row, check the column mapping, preview every row
// with its problems, then commit the good rows into the current or a new plan as one undoable step.
// The session (use-import-session.ts) holds the state; each step is its own component.
import { useEffect, useRef, useState } from 'react'
import { Dialog } from 'radix-ui'
import { useTranslation } from 'react-i18next'
import { suggestBookingColumns } from '@shared/actuals/mapping'
import { useCurrentPlanId } from '../../shell/current-plan'
import { useImportSession, type ImportSession } from './use-import-session'
import type { Failure, Step } from './wizard-model'
import { FileStep, ReadingStep } from './FileStep'
import { SheetStep } from './SheetStep'
import { MappingStep } from './MappingStep'
import { PreviewStep } from './PreviewStep'
import { ActualsStep } from './ActualsStep'
import { useStepFocus } from './use-step-focus'
import './strings'
import './import.css'

const STEPS: Step[] = ['file', 'sheet', 'mapping', 'preview']
const STEP_LABELS = ['stepFile', 'stepSheet', 'stepMapping', 'stepPreview']

export function ImportWizard() {
  const { t } = useTranslation('import')
  const s = useImportSession()
  const { step, failure, read, mapping, planned, preparing } = s
  const { t: ta } = useTranslation('actuals')
  const planId = useCurrentPlanId()
  // The third kind: a bookings export read as actual costs (its own step after the sheet).
  const [kind, setKind] = useState<'plan' | 'actuals'>('plan')
  const [inActuals, setInActuals] = useState(false)
  const headers = s.opened?.summary.sheets[s.sheet]?.headers
  useEffect(() => {
    // A sheet with a booking date and a cost centre is offered as actual costs.
    const cols = headers ? suggestBookingColumns(headers) : {}
    setKind(cols.date !== undefined && cols.costCentre !== undefined ? 'actuals' : 'plan')
  }, [headers])
  useEffect(() => {
    if (step !== 'sheet') setInActuals(false)
  }, [step])
  const actuals = inActuals && step === 'sheet' && s.opened && planId
  const stepIndex = actuals ? 2 : step === 'reading' ? 0 : STEPS.indexOf(step)
  const content = useRef<HTMLDivElement>(null)
  useStepFocus(content, `${actuals ? 'actuals' : step}:${Boolean(mapping && read)}:${Boolean(planned)}`)

  return (
    <Dialog.Root open={s.open} onOpenChange={(o) => (o ? s.setOpen(true) : s.close())}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content ref={content} className="dialog-content import-wizard" aria-describedby={undefined}>
          <Dialog.Title className="dialog-title">{t('title')}</Dialog.Title>
          <ol className="import-steps" aria-label={t('title')}>
            {STEP_LABELS.map((k, i) => (
              <li
                key={k}
                className={i === stepIndex ? 'active' : i < stepIndex ? 'done' : ''}
                aria-current={i === stepIndex ? 'step' : undefined}
              >
                {i + 1}. {i === 2 && kind === 'actuals' ? ta('step') : t(k)}
              </li>
            ))}
          </ol>

          {failure && <FailureNote failure={failure} />}
          {step === 'file' && <FileStep again={Boolean(failure)} onChoose={() => void s.openFile()} />}
          {step === 'reading' && (
            <ReadingStep
              file={s.task?.file ?? ''}
              progress={s.progress}
              onCancel={() => void s.cancelTask()}
            />
          )}
          {actuals && s.opened && planId && (
            <ActualsStep
              sessionId={s.opened.sessionId}
              sheet={s.sheet}
              headerRow={s.headerRow}
              fileName={s.opened.summary.fileName}
              planId={planId}
              onBack={() => setInActuals(false)}
              onDone={s.close}
              onClose={s.close}
            />
          )}
          {step === 'sheet' && s.opened && !actuals && (
            <fieldset className="import-kind" data-testid="import-kind">
              <legend>{ta('kindLabel')}</legend>
              <label>
                <input type="radio" checked={kind === 'plan'} onChange={() => setKind('plan')} />{' '}
                {ta('kindPlan')}
              </label>
              <label>
                <input type="radio" checked={kind === 'actuals'} onChange={() => setKind('actuals')} />{' '}
                {ta('kindActuals')}
              </label>
            </fieldset>
          )}
          {step === 'sheet' && s.opened && !actuals && (
            <SheetStep
              summary={s.opened.summary}
              sheet={s.sheet}
              headerRow={s.headerRow}
              onPickSheet={s.pickSheet}
              onPickHeaderRow={s.setHeaderRow}
              onEncoding={s.changeEncoding}
            />
          )}
          {step === 'mapping' && mapping && read && (
            <MappingStep
              mapping={mapping}
              read={read}
              remembered={s.remembered}
              busy={s.busy}
              workstreams={[...(s.plan?.workstreams ?? [])].sort((a, b) => a.order - b.order)}
              target={s.target}
              recalledEncoding={s.recalledEncoding}
              onChange={s.changeMapping}
              onChooseScale={s.chooseScale}
              onPreviewAnyway={() => s.setStep('preview')}
            />
          )}
          {step === 'preview' && read && planned && <PreviewStep session={s} read={read} planned={planned} />}

          {preparing && (
            <p className="import-preparing muted small" role="status" data-testid="import-preparing">
              {preparing.saving
                ? t('saving', { count: preparing.total })
                : t('preparing', { done: preparing.done, count: preparing.total })}
            </p>
          )}
          {!actuals && (
            <WizardActions
              session={s}
              onActuals={kind === 'actuals' ? () => setInActuals(true) : undefined}
            />
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}

function FailureNote({ failure }: { failure: Failure }) {
  const { t } = useTranslation('import')
  const cancelled = failure.reason === 'cancelled'
  const explained = t(`reason.${failure.reason}`, { defaultValue: failure.message })
  return (
    <div className="import-failure" role="alert" data-testid="import-failure">
      <strong>{cancelled ? t('reason.cancelled') : t('failed')}</strong>
      {!cancelled && <p>{explained}</p>}
      {!cancelled && failure.message !== explained && <p className="muted small">{failure.message}</p>}
    </div>
  )
}

function WizardActions({ session: s, onActuals }: { session: ImportSession; onActuals?: () => void }) {
  const { t } = useTranslation('import')
  const { step, busy, importCount, badCount } = s
  return (
    <div className="dialog-actions">
      {step === 'preview' && badCount > 0 && (
        <button className="btn" onClick={() => void s.saveReport()}>
          {t('saveReport')}
        </button>
      )}
      <span className="spacer" />
      {(step === 'mapping' || step === 'preview') && (
        <button className="btn" onClick={() => s.setStep(step === 'preview' ? 'mapping' : 'sheet')}>
          {t('back')}
        </button>
      )}
      <button className="btn" onClick={s.close}>
        {step === 'reading' ? t('cancel') : t('close')}
      </button>
      {step === 'sheet' && (
        <button
          className="btn btn-primary"
          disabled={busy}
          onClick={() => (onActuals ? onActuals() : void s.toMapping())}
        >
          {t('next')}
        </button>
      )}
      {step === 'mapping' && (
        <button
          className="btn btn-primary"
          disabled={busy || !s.read || s.read.result.counts.good === 0}
          onClick={() => s.setStep('preview')}
        >
          {t('next')}
        </button>
      )}
      {step === 'preview' && (
        <button
          className="btn btn-primary"
          disabled={
            busy ||
            s.planning ||
            importCount === 0 ||
            (badCount > 0 && !s.skipBad) ||
            (s.target === 'current' && !s.plan)
          }
          onClick={() => void s.commit()}
          title={importCount === 0 ? t('nothingToImport') : undefined}
        >
          {t('commit', { count: importCount })}
        </button>
      )}
    </div>
  )
}
