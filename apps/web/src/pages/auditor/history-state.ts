import { formatDate } from '../../format/format-date';
import { vocabulary } from '../../i18n/funding-labels.fr';
import { DEADLINE_KIND_LABELS, label, STAGE_LABELS } from '../../i18n/labels.fr';
import type { Integrity } from '../../components/integrity-flag';

/** A trajectory as GET /trajectories/{id} and GET /trajectories/{id}/history?at= give it (categorical data only). */
export interface StateView {
  id: string;
  version: number;
  stage: string;
  status: string;
  referent?: { id: string } | null;
  programme?: { code: string; title?: string } | null;
  conventionId?: string;
  activeBriques: { code: string }[];
  nextDeadlines: { kind: string; dueOn: string }[];
  allowedCommands: string[];
  integrity?: Integrity;
  details?: Record<string, unknown>;
}

export interface HistoryEvent {
  id: string;
  type: string;
  version: number;
  occurredAt?: string;
  recordedAt: string;
  actor?: { id: string; role: string };
}

export interface HistoryView {
  trajectoryId: string;
  version: number;
  at?: string;
  asOf?: string;
  /** Which date chose the events: recordedAt (?at=) or occurredAt (?asOf=). */
  selectedBy?: 'recordedAt' | 'occurredAt';
  integrity: Integrity;
  events: HistoryEvent[];
  /** With ?asOf=: events dated on or before it that the workflow refused in stream order (left out of the state). */
  notApplied?: { version: number; type: string; reason: string }[];
  state?: StateView;
}

export interface StateLine {
  key: string;
  label: string;
  value: string;
}

function describe(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : vocabulary(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    // A list of records (grid ratings, suspensions...): one "a : b" per item, readable and still comparable.
    return value.map((item) => (item !== null && typeof item === 'object' ? Object.values(item as Record<string, unknown>).map(describe).join(' : ') : describe(item))).join(' ; ');
  }
  return JSON.stringify(value);
}

/** The folded state's field names in French, segment by segment ("contract.signatures.household" → "Contrat · signatures · ménage"); others as they are. */
const FIELD_WORDS: Record<string, string> = {
  workflowVersion: 'version du parcours',
  motives: 'motifs',
  cycle: 'cycle',
  diagnostic: 'Diagnostic',
  startedOn: 'commencé le',
  grid: 'grille',
  recordedOn: 'enregistrée le',
  ratings: 'évaluations',
  concluded: 'conclusion',
  on: 'le',
  outcome: 'issue',
  householdSigned: 'signée par le ménage',
  completedBriques: 'briques terminées',
  bilansCount: 'nombre de bilans',
  suspensions: 'suspensions',
  notesCount: 'nombre de notes',
  programmeCode: 'code du programme',
  prescriber: 'Prescripteur',
  id: 'identifiant',
  kind: 'type',
  name: 'nom',
  household: 'Ménage',
  ageBand: 'tranche d’âge',
  composition: 'composition',
  childrenCount: 'enfants',
  mainResources: 'ressources principales',
  referenceGender: 'genre de la personne de référence',
  firstContact: 'Premier contact',
  mode: 'modalité',
  contract: 'Contrat',
  draftedOn: 'rédigé le',
  measureType: 'type de mesure',
  briques: 'briques',
  durationMonths: 'durée (mois)',
  bilanEveryMonths: 'bilan tous les (mois)',
  meetingFrequency: 'fréquence des rencontres',
  occupancyStatus: 'statut d’occupation',
  conventionId: 'convention',
  objectives: 'objectifs',
  requiredParties: 'signataires requis',
  signatures: 'signatures',
  referent: 'référent·e',
  measure: 'Mesure',
  startsOn: 'début',
  endsOn: 'fin',
  renewalsUsed: 'renouvellements utilisés',
  evaluation: 'Évaluation',
  relais: 'Relais',
  veille: 'Veille',
  closing: 'Clôture',
  reason: 'motif',
};

function fieldLabel(path: string): string {
  return path
    .split('.')
    .map((segment) => FIELD_WORDS[segment] ?? segment)
    .join(' · ');
}

function flattenDetails(value: unknown, path: string, out: StateLine[], depth: number): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && depth < 3) {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) flattenDetails(inner, path ? `${path}.${key}` : key, out, depth + 1);
    return;
  }
  out.push({ key: `details.${path}`, label: fieldLabel(path), value: describe(value) });
}

/** The state as lines of a table, one per field, so two states can be compared line by line. */
export function stateLines(view: StateView, commandLabel: (name: string) => string = (name) => name): StateLine[] {
  const lines: StateLine[] = [
    { key: 'stage', label: 'Étape', value: label(STAGE_LABELS, view.stage) },
    { key: 'status', label: 'Statut', value: view.status === 'done' ? 'Terminé' : 'En cours' },
    { key: 'version', label: 'Version (dernier événement inclus)', value: String(view.version) },
    { key: 'referent', label: 'Référent·e', value: view.referent?.id ?? '—' },
    { key: 'programme', label: 'Programme', value: view.programme?.code ?? '—' },
    { key: 'convention', label: 'Convention', value: view.conventionId ?? '—' },
    { key: 'briques', label: 'Briques en cours', value: view.activeBriques.map((b) => b.code).join(', ') || '—' },
    {
      key: 'deadlines',
      label: 'Prochaines échéances',
      value: view.nextDeadlines.map((d) => `${label(DEADLINE_KIND_LABELS, d.kind)} ${formatDate(d.dueOn)}`).join(' ; ') || '—',
    },
    { key: 'allowed', label: 'Actions possibles', value: view.allowedCommands.map(commandLabel).join(', ') || '—' },
  ];
  const details: StateLine[] = [];
  flattenDetails(view.details ?? {}, '', details, 0);
  return [...lines, ...details.filter((l) => l.key !== 'details.')];
}

export interface DiffLine {
  key: string;
  label: string;
  a: string;
  b: string;
  changed: boolean;
}

/** Every field of either state, with its value in each and whether it differs. */
export function diffStates(a: StateView, b: StateView, commandLabel?: (name: string) => string): DiffLine[] {
  const left = new Map(stateLines(a, commandLabel).map((l) => [l.key, l]));
  const right = new Map(stateLines(b, commandLabel).map((l) => [l.key, l]));
  const keys = [...new Set([...left.keys(), ...right.keys()])];
  return keys.map((key) => {
    const va = left.get(key)?.value ?? '—';
    const vb = right.get(key)?.value ?? '—';
    return { key, label: left.get(key)?.label ?? right.get(key)?.label ?? key, a: va, b: vb, changed: va !== vb };
  });
}
