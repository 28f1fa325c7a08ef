/**
 * French sentences for the problems the HTTP layer raises itself (not a workflow's refusals, which
 * live beside their rules in workflows/trajectory/src/refusal-messages.fr.ts).
 */
export const HTTP_PROBLEM_MESSAGES_FR: Readonly<Record<string, string>> = {
  'bad-request': 'La demande est incorrecte.',
  unauthorized: 'Connectez-vous pour continuer : la session est absente ou a expiré.',
  forbidden: 'Votre rôle ne permet pas cette action.',
  'route-not-found': 'Cette adresse n’existe pas.',
  'method-not-allowed': 'Cette action n’est pas possible à cette adresse.',
  'payload-too-large': 'Le contenu envoyé est trop volumineux.',
  'unsupported-media-type': 'Le format du contenu envoyé n’est pas accepté.',
  'too-many-requests': 'Trop de demandes en peu de temps : patientez un instant puis réessayez.',
  'internal-error': 'Le serveur n’a pas pu traiter la demande. L’incident est journalisé.',
  'convention-not-found': 'Cette convention n’existe pas, ou vous n’en êtes pas financeur.',
  'trajectory-not-found': 'Ce dossier n’existe pas (ou pas encore à cet instant), ou il ne vous est pas accessible.',
  'invalid-trajectory-id': 'Ce n’est pas un identifiant de dossier (il a la forme 5a4c1f2e-0b7d-4b8e-9c1a-2d3e4f5a6b7c).',
  'job-not-found': 'Cette vérification n’est plus connue du serveur (il a redémarré) : relancez-la.',
  'read-models-not-ready': 'Les tableaux de suivi ne sont pas encore prêts (le worker ne les a pas encore créés) : réessayez dans quelques secondes.',
};
