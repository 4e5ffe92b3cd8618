/** Keyboard shortcuts of the editor, as data (shown in the help line and matched in one place). */
export type EditorAction = 'undo' | 'redo' | 'relayout' | 'fit' | 'selectAll';

export const SHORTCUTS: Array<{ keys: string; action: EditorAction; label: string }> = [
  { keys: 'Ctrl+Z', action: 'undo', label: 'Undo' },
  { keys: 'Ctrl+Shift+Z', action: 'redo', label: 'Redo' },
  { keys: 'Ctrl+Y', action: 'redo', label: 'Redo' },
  { keys: 'Ctrl+A', action: 'selectAll', label: 'Select all' },
  { keys: 'Shift+L', action: 'relayout', label: 'Re-layout' },
  { keys: 'F', action: 'fit', label: 'Fit to screen' },
];

/** The action for a key press, ignoring presses inside text fields (they have their own undo). */
export function actionFor(event: KeyboardEvent): EditorAction | undefined {
  const target = event.target as HTMLElement | null;
  if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return undefined;
  const parts = [
    event.ctrlKey || event.metaKey ? 'Ctrl' : '',
    event.shiftKey ? 'Shift' : '',
    event.altKey ? 'Alt' : '',
    event.key.length === 1 ? event.key.toUpperCase() : event.key,
  ];
  const keys = parts.filter(Boolean).join('+');
  return SHORTCUTS.find((s) => s.keys === keys)?.action;
}
