/**
 * One line for the operator. Known start-up failures carry a message written for people; anything
 * else gets its class and message (no stack: set DEBUG_STARTUP=1 to see it).
 */
export function describeStartupFailure(error: unknown): string {
  if (!(error instanceof Error)) return `Start-up failed: ${String(error)}`;
  const code = (error as { code?: unknown }).code;
  if (code === 'EADDRINUSE') {
    return `Start-up failed: the port is already in use (${error.message}); set PORT to a free port.`;
  }
  if (code === 'EACCES' && /listen/i.test(error.message)) {
    return `Start-up failed: not allowed to listen (${error.message}); use a port above 1024.`;
  }
  if (/StartupError|StartUpError|StoreStartupError|ProgrammeLoadError|ConfigurationError/.test(error.name)) {
    return `Start-up failed: ${oneLine(error.message)}`;
  }
  return `Start-up failed: ${error.name}: ${oneLine(error.message)}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
