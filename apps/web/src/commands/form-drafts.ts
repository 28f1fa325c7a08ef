/** What someone typed in a form, kept in this tab until the server accepted it. */
const PREFIX = 'accompagnement.draft.';

export function loadDraft(key: string): Record<string, unknown> | undefined {
  const raw = sessionStorage.getItem(PREFIX + key);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

export function saveDraft(key: string, data: Record<string, unknown>): void {
  sessionStorage.setItem(PREFIX + key, JSON.stringify(data));
}

export function clearDraft(key: string): void {
  sessionStorage.removeItem(PREFIX + key);
}
