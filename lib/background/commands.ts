/** The keyboard command that saves the active tab's paper (Alt+Shift+S by default), as the manifest names it. */
export const SAVE_PAPER_COMMAND = 'save-paper';
