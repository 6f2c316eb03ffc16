// The problems of a board after every move, listed under its status line (both boards): what,
// where and why, each a button that brings the chip into view and focuses it.
export type ProblemItem = { key: string; chipId: string; text: string }

export function ProblemsPanel({
  items,
  countText,
  title,
  onShow
}: {
  items: readonly ProblemItem[]
  countText: string
  title: string
  onShow: (chipId: string) => void
}) {
  if (items.length === 0) return null
  return (
    <details className="problems-panel" data-testid="board-problems" open>
      <summary>
        <span className="problems-mark" aria-hidden>
          ⚠
        </span>{' '}
        <strong>{title}</strong> · {countText}
      </summary>
      <ul>
        {items.map((p) => (
          <li key={p.key}>
            <button type="button" className="linklike" title={p.text} onClick={() => onShow(p.chipId)}>
              {p.text}
            </button>
          </li>
        ))}
      </ul>
    </details>
  )
}
