/** What people read on screen, in French. Codes stay as the API sends them; unknown ones show as they are. */

export const STAGE_LABELS: Record<string, string> = {
  saisine: 'Saisine',
  diagnostic: 'Diagnostic',
  validation: 'Validation',
  contract: 'Contrat',
  briques: 'Accompagnement (briques)',
  evaluation: 'Évaluation',
  relais: 'Relais',
  veille: 'Veille',
  closed: 'Clôturé',
};

export const STAGE_ORDER = ['saisine', 'diagnostic', 'contract', 'briques', 'evaluation', 'relais', 'veille', 'closed'];

export const DEADLINE_KIND_LABELS: Record<string, string> = {
  'first-contact': 'Premier contact',
  diagnostic: 'Diagnostic',
  validation: 'Validation',
  'contract-signature': 'Signature du contrat',
  bilan: 'Bilan',
  point: 'Point mensuel',
  'point-cadence': 'Rythme de rencontres du dispositif',
  milestone: 'Étape clé du dispositif',
  'measure-end': 'Fin de mesure',
  'relais-confirmation': 'Confirmation du relais',
  'veille-visit': 'Visite de veille',
};

export const DEADLINE_STATUS_LABELS: Record<string, string> = {
  overdue: 'En retard',
  'due-soon': 'Sous 7 jours',
  upcoming: 'À venir',
};

export const ROLE_LABELS: Record<string, string> = {
  referent: 'Référent·e',
  coordinator: 'Coordination',
  secretary: 'Secrétariat',
  prescriber: 'Prescripteur',
  funder: 'Financeur',
  auditor: 'Audit',
  admin: 'Administration',
};

export const EVENT_LABELS: Record<string, string> = {
  SaisineReceived: 'Saisine reçue',
  ReferentAssigned: 'Référent·e désigné·e',
  ReferentChanged: 'Changement de référent·e',
  FirstContactRecorded: 'Premier contact',
  SaisineReoriented: 'Réorientation',
  SaisineDeclined: 'Refus du ménage',
  DiagnosticStepRecorded: 'Étape du diagnostic',
  EvaluationGridRecorded: "Grille d'évaluation",
  DiagnosticConcluded: 'Conclusion du diagnostic',
  ContractDrafted: 'Contrat rédigé',
  ContractSigned: 'Signature du contrat',
  MeasureStarted: 'Début de la mesure',
  BriqueStarted: 'Brique commencée',
  PointRecorded: 'Point',
  BriqueCompleted: 'Brique terminée',
  BilanRecorded: 'Bilan',
  MeasureSuspended: 'Suspension',
  MeasureResumed: 'Reprise',
  MeasureRenewed: 'Renouvellement',
  EvaluationStarted: "Début de l'évaluation",
  FinalEvaluationRecorded: 'Évaluation finale',
  HandedOff: 'Relais engagé',
  RelaisConfirmed: 'Relais confirmé',
  VeilleStarted: 'Veille commencée',
  VeilleVisitRecorded: 'Visite de veille',
  TrajectoryReopened: 'Réouverture',
  ContractDeclined: 'Contrat refusé par le ménage',
  VeilleEnded: 'Fin de la veille',
  TrajectoryClosed: 'Clôture',
  TrajectoryWithdrawn: 'Retrait du ménage',
  NoteRecorded: 'Note',
  MilestoneRecorded: 'Étape clé du dispositif',
};

export function label(table: Record<string, string>, code: string | null | undefined): string {
  if (!code) return '—';
  return table[code] ?? code;
}
