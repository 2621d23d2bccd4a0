// The palette's "Export the incident" puts the focus on the incident page's Copy as Markdown, so
// Enter copies and Tab reaches Save. Kept apart from the buttons: the palette reaches it through the
// feature's index, which must not pull in the export's own imports.

/** Asked before the page shows: its buttons take the focus as they mount. */
let asked = false;
/** The Copy button on screen, if any. */
let shown: HTMLButtonElement | null = null;

/** After a task: the palette gives the focus back as it closes. */
const focusSoon = (button: HTMLButtonElement) => setTimeout(() => button.focus(), 0);

export function askExportFocus(): void {
  if (shown) focusSoon(shown);
  else asked = true;
}

/** The Copy button, as it mounts; the function given back is for its unmount. */
export function exportButtonShown(button: HTMLButtonElement): () => void {
  shown = button;
  if (asked) focusSoon(button);
  asked = false;
  return () => {
    if (shown === button) shown = null;
  };
}
