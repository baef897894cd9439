/** The file name part of a path, for notifications. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
