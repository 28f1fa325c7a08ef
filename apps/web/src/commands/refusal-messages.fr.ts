import { refusalMessageFr } from '../../../../workflows/trajectory/src/refusal-messages.fr';
import type { Problem } from '../api/api-client';


/** The server's reason in French when it sent one, else the French sentence of its code (one table, in the workflow layer). */
export function refusalMessage(problem: Problem): string {
  const french = (problem as Problem & { detailFr?: string }).detailFr;
  return french ?? refusalMessageFr(problem.code) ?? (problem.status === 403 ? 'Votre rôle ne permet pas cette action.' : undefined) ?? problem.detail ?? problem.title;
}
