/**
 * Why a command was refused, in French, for each stable refusal code a trajectory command may
 * answer (GET /commands lists them per command). The English reason the engine builds stays the
 * reference; this is what a French-speaking referent reads (Accept-Language: fr, and the web app).
 */
export const REFUSAL_MESSAGES_FR: Readonly<Record<string, string>> = {
  'invalid-payload': 'La saisie est incomplète ou incorrecte : voyez les champs signalés.',
  'invalid-occurred-at': 'La date doit être une date du calendrier (AAAA-MM-JJ).',
  'occurred-before-minimum': 'La date est antérieure à la plus ancienne date que le service enregistre.',
  'occurred-in-future': 'La date est dans le futur : on enregistre ce qui a eu lieu.',
  'occurred-before-opening': 'La date ne peut pas précéder l’ouverture du dossier.',
  'command-not-allowed': 'Cette action n’est pas possible à cette étape du parcours.',
  'unknown-command': 'Cette action n’existe pas.',
  'trajectory-closed': 'Ce dossier est clôturé : plus rien ne peut y être enregistré.',
  'unknown-programme': 'Ce dispositif n’existe pas dans le catalogue.',
  'unknown-brique': 'Cette brique n’existe pas dans le catalogue.',
  'invalid-brique-data': 'Les données propres à cette brique sont incorrectes : voyez les champs signalés.',
  'referent-required': 'Aucun·e référent·e n’est désigné·e : désignez d’abord le travailleur social qui suit le ménage.',
  'referent-already-assigned': 'Un·e référent·e est déjà désigné·e : utilisez « Changer de référent ».',
  'same-referent': 'Cette personne est déjà le ou la référent·e du dossier.',
  'orientation-required': 'Indiquez vers qui le ménage est orienté : personne n’est laissé sans solution.',
  'evaluation-grid-required': 'La grille d’évaluation doit être renseignée avant de conclure le diagnostic.',
  'household-signature-required': 'Le ménage doit avoir signé.',
  'contract-required': 'Le contrat doit d’abord être rédigé.',
  'already-signed': 'Cette partie a déjà signé le contrat.',
  'landlord-not-on-contract': 'Le contrat ne mentionne pas de bailleur.',
  'signatures-missing': 'Toutes les parties n’ont pas encore signé le contrat.',
  'brique-not-allowed': 'Le dispositif ne prévoit pas cette brique.',
  'unknown-milestone': 'Le dispositif ne prévoit pas cette étape clé.',
  'milestone-already-recorded': 'Cette étape clé est déjà enregistrée.',
  'brique-not-allowed-in-stage': 'Le dispositif ne prévoit pas cette brique à cette étape du parcours.',
  'duration-above-maximum': 'La durée du contrat dépasse la durée maximale que permet le dispositif.',
  'brique-already-active': 'Cette brique est déjà en cours.',
  'brique-not-active': 'Cette brique n’est pas en cours.',
  'point-before-brique-start': 'Le point ne peut pas précéder le début de la brique.',
  'before-measure-start': 'La date précède le début de la mesure.',
  'measure-ended': 'La mesure est terminée à cette date : passez à l’évaluation ou renouvelez-la.',
  'measure-suspended': 'La mesure est suspendue : reprenez-la d’abord.',
  'already-suspended': 'La mesure est déjà suspendue.',
  'not-suspended': 'La mesure n’est pas suspendue.',
  'resume-before-suspension': 'La reprise ne peut pas précéder la suspension.',
  'bilan-required': 'Un renouvellement demande un bilan enregistré dans les 30 derniers jours.',
  'renewals-exhausted': 'Le dispositif ne permet plus de renouvellement.',
  'limit-exceeded': 'La durée dépasse ce que permet le dispositif.',
  'objectives-incomplete': 'L’évaluation finale doit dire, pour chaque objectif du contrat, s’il est atteint.',
  'final-evaluation-required': 'L’évaluation finale doit d’abord être enregistrée.',
  'final-evaluation-already-recorded': 'L’évaluation finale est déjà enregistrée.',
  'relais-partner-required': 'Indiquez le partenaire qui prend le relais.',
  'relais-pending': 'Le relais n’est pas encore confirmé par le partenaire.',
  'convention-required': 'Le contrat doit nommer la convention qui le finance.',
  'precondition-failed': 'Quelqu’un d’autre a modifié ce dossier entre-temps : rechargez-le.',
  'concurrency-conflict': 'Quelqu’un d’autre a modifié ce dossier au même moment : réessayez.',
  // validation of a measure, sharing with partners (issue 13)
  'validation-not-required': 'Le dispositif ne demande pas de validation des mesures : rédigez et faites signer le contrat.',
  'already-validated': 'La mesure est déjà validée : rédigez et faites signer le contrat.',
  'decided-before-submission': 'La décision ne peut pas précéder la soumission de la mesure.',
  'decision-before-submission': 'La décision écrite doit être datée entre la soumission et le jour de son enregistrement.',
  'validation-required': 'Le dispositif exige que la mesure soit validée par son valideur avant la signature du contrat : soumettez-la, puis attendez sa décision.',
  'contract-differs-from-validation': 'Le contrat sort de ce qui a été validé (briques ou durée) : rédigez-le dans ces limites ou soumettez à nouveau la mesure.',
  'household-agreement-required': 'Rien n’est transmis à un partenaire sans l’accord du ménage sur son contenu : indiquez la date de cet accord.',
  'agreement-after-sharing': 'L’accord du ménage doit précéder (ou dater du jour de) la transmission du document.',
  'document-not-available': 'Ce document n’existe pas encore : diagnostic non conclu, aucun bilan ou évaluation finale non enregistrée.',
};

/** The French sentence for a refusal code, when there is one. */
export function refusalMessageFr(code: string): string | undefined {
  return REFUSAL_MESSAGES_FR[code];
}
