import type { Problem } from '../api/api-client';

/** The server's reason, in French when it sent one; otherwise a French sentence for the common codes. */
const MESSAGES: Record<string, string> = {
  'command-not-allowed': 'Cette action n’est pas possible à cette étape du parcours.',
  'trajectory-closed': 'Ce dossier est clôturé : plus aucune action n’est possible.',
  'occurred-in-future': 'La date ne peut pas être dans le futur.',
  'occurred-before-opening': 'La date ne peut pas précéder l’ouverture du dossier.',
  forbidden: 'Votre rôle ne permet pas cette action.',
};

export function refusalMessage(problem: Problem): string {
  const french = (problem as Problem & { detailFr?: string }).detailFr;
  return french ?? MESSAGES[problem.code] ?? problem.detail ?? problem.title;
}
