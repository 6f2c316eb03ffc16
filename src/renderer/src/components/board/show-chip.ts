// Brings a board chip into view and focuses it (from a problems list); a chip whose row is
// scrolled far away is not in the page (the boards are virtualized) and is left alone.
export function showChip(chipId: string): void {
  const el = document.querySelector<HTMLElement>(`[data-chip-id="${CSS.escape(chipId)}"]`)
  if (!el) return
  el.scrollIntoView({ block: 'center', inline: 'nearest' })
  el.focus()
}
