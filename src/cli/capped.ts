/** Long lists of errors or warnings shown at a readable length: the first `max`, then "… and N more". */
export const MAX_LISTED = 20;

export function capped(lines: readonly string[], max = MAX_LISTED): string[] {
  if (lines.length <= max) return [...lines];
  return [...lines.slice(0, max), `… and ${lines.length - max} more`];
}
