/** The keyboard command that saves the active tab's paper (Alt+Shift+S by default), as the manifest names it. */
export const SAVE_PAPER_COMMAND = 'save-paper';

/** The keyboard command that switches the active tab between a paper's abs, PDF and HTML views (Alt+Shift+V). */
export const SWITCH_VIEW_COMMAND = 'switch-view';
