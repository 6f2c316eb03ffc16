/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** '1' in a benchmark build (bench/board.mjs, bench:import-ui): exposes window.__quartermaster. */
  readonly VITE_QM_BENCH?: string
}
