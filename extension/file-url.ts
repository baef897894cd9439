/** file:// URL of the folder holding `path` (POSIX or Windows), to show a finished download. */
export function folderFileUrl(path: string): string {
  const normal = path.replace(/\\/g, '/');
  const dir = normal.slice(0, normal.lastIndexOf('/') + 1) || '/';
  const encoded = dir.split('/').map((seg, i) => (i === 0 && /^[A-Za-z]:$/.test(seg) ? seg : encodeURIComponent(seg))).join('/');
  return /^[A-Za-z]:/.test(dir) ? `file:///${encoded}` : `file://${encoded}`;
}

/** The file name part of a path, for notifications. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
