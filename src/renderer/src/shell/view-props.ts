// What the frame hands every view: kept in its own leaf module so views never import the view list.
export type ViewProps = { planId: string }
