// Identity of the app's own allocation workbook: the hidden sheet that carries the plan.
export const HIDDEN_SHEET = '_qm'
export const EXPORT_FORMAT = 'quartermaster-allocation-export'
/** Bump when the hidden sheet's layout changes; readers refuse versions they do not know. */
export const EXPORT_FORMAT_VERSION = 1
