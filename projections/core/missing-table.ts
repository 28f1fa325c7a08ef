/**
 * SQLSTATE 42P01 (undefined_table), as pg and PGlite both report it: a read model whose tables the
 * projections have not created yet (on PostgreSQL the worker creates them, and may not have run).
 */
export function isMissingTableError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '42P01';
}
