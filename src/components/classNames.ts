/** Joins class names, skipping empty ones: `classNames('aisq-user-card', className)`. */
export function classNames(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
