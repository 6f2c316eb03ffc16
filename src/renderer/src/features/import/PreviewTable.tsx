// The import preview: every row of the sheet (or every row with problems) with its parsed values and
// what is wrong with it. The rows stay in main; the table renders only the rows in view (react-virtual)
// and asks main for the pages it scrolls to, so a 100k-row sheet costs the window what a screenful does.
import { useVirtualizer, type Rect, type Virtualizer } from '@tanstack/react-virtual'
import { memo, startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PreviewPage, PreviewRow } from '@shared/import/plan-import'
import type { CellIssue, ColumnMapping, ImportKind } from '@shared/import/types'
import { issueSentence } from './issue-text'
import { previewCellText, previewWidths } from './preview-cells'

/** Rows asked for per call: a few screens. */
export const PREVIEW_PAGE = 100
const ROW_HEIGHT = 35
const BUDGET_COLUMNS = ['phase', 'workstream', 'quarter', 'title', 'amount']
const ALLOCATION_COLUMNS = ['role', 'workstream', 'quarter', 'share']

/**
 * The scroll box's size from a ResizeObserver only. The library's default also reads clientHeight
 * when the table mounts, which forces the new rows' layout inside React's commit and made that one
 * task long; the observer reports after the browser's own layout instead (initialRect until then).
 */
function observeRectLazily(instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: Rect) => void) {
  const element = instance.scrollElement
  if (!element || typeof ResizeObserver === 'undefined') return
  const observer = new ResizeObserver(([entry]) => {
    if (entry)
      cb({ width: Math.round(entry.contentRect.width), height: Math.round(entry.contentRect.height) })
  })
  observer.observe(element)
  return () => observer.disconnect()
}

const attached = new WeakSet<Element>()

/**
 * Scroll writes, except the library's first one, which puts a just-mounted box at 0 where it
 * already is (the wizard mounts a new table for each plan and filter); that write too would
 * force the layout inside React's commit.
 */
function scrollLazily(
  offset: number,
  { adjustments = 0, behavior }: { adjustments?: number; behavior?: ScrollBehavior },
  instance: Virtualizer<HTMLDivElement, Element>
) {
  const element = instance.scrollElement
  if (!element) return
  const top = offset + adjustments
  const first = !attached.has(element)
  attached.add(element)
  if (first && top === 0) return
  element.scrollTo({ top, behavior })
}

/** Memoized: the wizard re-renders for its own state (the commit's progress) while the rows stand. */
export const PreviewTable = memo(function PreviewTable({
  first,
  load,
  kind,
  columns
}: {
  /** The first page (offset 0); its total is the number of rows the table scrolls through. */
  first: PreviewPage
  load: (offset: number, limit: number) => Promise<PreviewPage>
  kind: ImportKind
  columns: ColumnMapping['columns']
}) {
  const { t } = useTranslation('import')
  const scrollRef = useRef<HTMLDivElement>(null)
  // Pages by number. A new plan or filter mounts a new table (the wizard keys it), so this only grows.
  const [pages, setPages] = useState(() => new Map<number, PreviewRow[]>([[0, first.rows]]))
  const asked = useRef(new Set<number>([0]))
  const v = useVirtualizer({
    count: first.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: useCallback(() => ROW_HEIGHT, []),
    overscan: 6,
    // About the wrapper's height (46vh), so the first render already holds a screenful.
    initialRect: { width: 1000, height: 400 },
    observeElementRect: observeRectLazily,
    scrollToFn: scrollLazily
  })
  const items = v.getVirtualItems()
  const from = items[0]?.index ?? 0
  const to = items.at(-1)?.index ?? 0

  useEffect(() => {
    for (let p = Math.floor(from / PREVIEW_PAGE); p <= Math.floor(to / PREVIEW_PAGE); p++) {
      if (asked.current.has(p)) continue
      asked.current.add(p)
      load(p * PREVIEW_PAGE, PREVIEW_PAGE)
        .then((page) => startTransition(() => setPages((prev) => new Map(prev).set(p, page.rows))))
        // The wizard reports the failure; scrolling back here asks again.
        .catch(() => asked.current.delete(p))
    }
  }, [from, to, load])

  const rowAt = (index: number): PreviewRow | undefined =>
    pages.get(Math.floor(index / PREVIEW_PAGE))?.[index % PREVIEW_PAGE]
  const fields = kind === 'budget' ? BUDGET_COLUMNS : ALLOCATION_COLUMNS
  const widths = useMemo(
    () =>
      previewWidths(first.rows, fields, columns, {
        ...Object.fromEntries(fields.map((f) => [f, t(`field_${f}`)])),
        problems: t('problems')
      }),
    [first.rows, fields, columns, t]
  )
  const width = fields.length + 3
  const describe = (i: CellIssue) => issueSentence(t, i)
  const padTop = items[0]?.start ?? 0
  const padBottom = items.length ? v.getTotalSize() - items[items.length - 1].end : 0
  return (
    <div className="import-table-wrap" ref={scrollRef}>
      <table className="data import-rows" data-testid="import-preview" aria-rowcount={first.total + 1}>
        <thead>
          <tr aria-rowindex={1}>
            <th className="col-row">{t('row')}</th>
            <th className="col-status">{t('status')}</th>
            {fields.map((f) => (
              <th
                key={f}
                className={`col-${f} ${f === 'amount' || f === 'share' ? 'num' : ''}`}
                style={{ width: widths[f] }}
              >
                {t(`field_${f}`)}
              </th>
            ))}
            <th className="col-problems" style={{ width: widths['problems'] }}>
              {t('problems')}
            </th>
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr aria-hidden="true" style={{ height: padTop }}>
              <td colSpan={width} />
            </tr>
          )}
          {items.map((item) => {
            const row = rowAt(item.index)
            const common = {
              'data-index': item.index,
              'aria-rowindex': item.index + 2
            }
            if (!row)
              return (
                <tr key={item.key} {...common} className="loading">
                  <td colSpan={width}>…</td>
                </tr>
              )
            const { parsed: r, issues, derived = [] } = row
            const bad = issues.length > 0
            // Cells the import changed on the way in (text shortened to the limit): marked, still imported.
            const warnings = r.ok ? (r.warnings ?? []) : []
            return (
              <tr key={item.key} {...common} className={bad ? 'bad' : ''} data-row={r.row}>
                <td>{r.row}</td>
                <td>
                  {bad ? (
                    <span className="badge badge-danger">{t('skip')}</span>
                  ) : (
                    <span className="badge badge-ok">{t('ok')}</span>
                  )}
                </td>
                {fields.map((f) => {
                  const from = derived.find((d) => d.field === f)
                  const text = from ? from.value : previewCellText(row, f, columns)
                  const warning = warnings.find((w) => w.field === f)
                  // Columns keep their width while rows scroll by; a cut text shows whole on hover.
                  return (
                    <td
                      key={f}
                      className={`${f === 'amount' || f === 'share' ? 'num' : ''}${warning ? ' cell-warning' : ''}`}
                      title={
                        warning
                          ? describe(warning)
                          : from
                            ? `${text}: ${t('fromPlan')}, ${t(`derived_${from.from}`)}`
                            : text
                      }
                    >
                      {warning && (
                        <span className="badge badge-warn" data-testid="shortened-mark">
                          {t('shortenedMark')}
                        </span>
                      )}
                      {from && (
                        <span className="badge from-plan" data-testid="from-plan">
                          {t('fromPlanMark')}
                        </span>
                      )}
                      {text}
                    </td>
                  )
                })}
                <td className="problems">
                  {issues.map((i, k) => (
                    <div key={k} className="field-error">
                      {describe(i)}
                    </div>
                  ))}
                  {warnings.map((i, k) => (
                    <div key={`w${k}`} className="field-warning">
                      {describe(i)}
                    </div>
                  ))}
                </td>
              </tr>
            )
          })}
          {padBottom > 0 && (
            <tr aria-hidden="true" style={{ height: padBottom }}>
              <td colSpan={width} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  )
})
