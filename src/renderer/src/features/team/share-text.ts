// How the Team view shows and pre-fills a share or a capacity in its in-place edits.
import { editNumberText } from '../../components/InlineEdit'
import { currentLanguage } from '../../i18n'
import { formatFte, formatShare } from '../../lib/format'

/** The share as the user would type it, in the UI language ("50", "12,5"). */
export const pctText = (bp: number) => editNumberText(bp / 100, currentLanguage())

/** The share with its FTE once it is a whole FTE or more: "150 % (1.5 FTE)". */
export const shareText = (bp: number) =>
  bp >= 100 ? `${formatShare(bp)} (${formatFte(bp)})` : formatShare(bp)
