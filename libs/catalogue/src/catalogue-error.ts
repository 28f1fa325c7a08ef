/**
 * A catalogue file the operator must fix: which file, where in it, and why, in English and in French.
 * The API, the worker and the CLI stop at start-up with its message (one line).
 */
export class CatalogueError extends Error {
  constructor(
    readonly file: string,
    readonly path: string | undefined,
    readonly reason: string,
    readonly reasonFr: string,
  ) {
    const at = path ? `${path} ` : '';
    super(`${file}: ${at}${reason} — ${file} : ${at}${reasonFr}`);
    this.name = 'CatalogueError';
  }
}
