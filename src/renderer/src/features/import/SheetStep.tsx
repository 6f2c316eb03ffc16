// Picking the sheet and its header row from the sheet's first rows.
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportOpened } from '@shared/ipc/channels/import'
import { columnLetter } from '@shared/import/header'
import { TEXT_ENCODINGS, type TextEncoding } from '@shared/import/workbook'

export function SheetStep({
  summary,
  sheet,
  headerRow,
  onPickSheet,
  onPickHeaderRow,
  onEncoding
}: {
  summary: ImportOpened['summary']
  sheet: number
  headerRow: number
  onPickSheet: (index: number, headerRow: number) => void
  onPickHeaderRow: (row: number) => void
  onEncoding: (encoding: TextEncoding) => void
}) {
  const { t } = useTranslation('import')
  const current = summary.sheets[sheet]
  if (!current) return null
  return (
    <div className="import-sheet">
      <div className="import-sheet-list" role="listbox" aria-label={t('sheets')}>
        {summary.sheets.map((s) => (
          <button
            key={s.index}
            role="option"
            aria-selected={s.index === sheet}
            className={`import-sheet-item ${s.index === sheet ? 'active' : ''}`}
            onClick={() => onPickSheet(s.index, s.headerRow)}
          >
            <span className="name">{s.name}</span>
            <span className="muted small">
              {t('sheetRows', { count: s.rowCount })}
              {s.hidden ? ` · ${t('hidden')}` : ''}
              {s.headerRow ? '' : ` · ${t('noHeader')}`}
            </span>
          </button>
        ))}
      </div>
      <div className="import-sheet-preview">
        {summary.encoding && (
          <EncodingPicker
            encoding={summary.encoding}
            detected={summary.detectedEncoding ?? summary.encoding}
            onChange={onEncoding}
          />
        )}
        <p className="muted small">{t('headerHint')}</p>
        <p data-testid="header-row">{t('headerRowIs', { row: headerRow })}</p>
        <SheetGrid rows={current.preview} headerRow={headerRow} onPick={onPickHeaderRow} />
        {summary.warnings.map((w) => (
          <p key={w} className="field-error">
            {w}
          </p>
        ))}
      </div>
    </div>
  )
}

/** The sheet's first rows; memoized, so the wizard's busy flag and the like do not re-render its cells. */
const SheetGrid = memo(function SheetGrid({
  rows,
  headerRow,
  onPick
}: {
  rows: string[][]
  headerRow: number
  onPick: (row: number) => void
}) {
  const { t } = useTranslation('import')
  return (
    <div className="import-table-wrap">
      <table className="data import-grid">
        <thead>
          <tr>
            <th />
            {Array.from({ length: Math.max(1, ...rows.map((r) => r.length)) }, (_, c) => (
              <th key={c}>{columnLetter(c)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr
              key={i}
              className={i + 1 === headerRow ? 'header-row' : i + 1 < headerRow ? 'above' : ''}
              onClick={() => onPick(i + 1)}
              aria-label={`${t('row')} ${i + 1}`}
            >
              <th scope="row">{i + 1}</th>
              {r.map((v, c) => (
                <td key={c}>{v}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
})

/** A text file's encoding: the one read in, the detected one, and the others to try. */
function EncodingPicker({
  encoding,
  detected,
  onChange
}: {
  encoding: TextEncoding
  detected: TextEncoding
  onChange: (encoding: TextEncoding) => void
}) {
  const { t } = useTranslation('import')
  return (
    <div className="import-encoding">
      <label className="import-field">
        <span>{t('encoding')}</span>
        <select
          className="text"
          aria-label={t('encoding')}
          data-testid="import-encoding"
          value={encoding}
          onChange={(e) => onChange(e.target.value as TextEncoding)}
        >
          {TEXT_ENCODINGS.map((e) => (
            <option key={e} value={e}>
              {t(`enc_${e}`)}
            </option>
          ))}
        </select>
        <span className="muted small">{t('encodingDetected', { name: t(`enc_${detected}`) })}</span>
      </label>
      <p className="muted small">{t('encodingHint')}</p>
    </div>
  )
}
