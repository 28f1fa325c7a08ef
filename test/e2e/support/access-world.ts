import { randomUUID } from 'node:crypto';
import { authHeaders } from './auth';
import type { AccessApp } from './access-app';
import { ADMIN, COORDINATOR, GRID, PRESCRIBER, REFERENT, REFERENT_2, saisine, SECRETARY } from './fixtures';
import { advanceTo, TrajectoryClient } from './trajectory-client';

/**
 * Personal data nobody could mistake for anything else: if one of these strings shows up in an
 * answer, that answer carries personal data. Kept out of every categorical field on purpose.
 */
export const PERSONAL = {
  lastName: 'Quartzberg-Zéphyrin',
  firstName: 'Oloferne',
  otherMember: 'Hyacinthe-Pélagie',
  phone: '07 98 76 54 32',
  email: 'oloferne.quartzberg@courriel.example',
  address: '17 impasse des Mandragores',
  postalCode: '69120',
  contact: 'Anselme Borrowdale-Vitrac',
  note: 'Mandragore: dette envers le cousin Ezéchiel',
  summary: 'Entretien difficile, angoisses nocturnes Ombelline',
} as const;

export const PERSONAL_MARKERS: readonly string[] = Object.values(PERSONAL);

/** The saisine of domain.md §2 carrying PERSONAL everywhere personal data may go. */
export function saisineWithPersonalData(occurredAt: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return saisine(occurredAt, {
    personal: {
      household: {
        lastName: PERSONAL.lastName,
        firstName: PERSONAL.firstName,
        otherMembers: [{ firstName: PERSONAL.otherMember }],
        address: PERSONAL.address,
        postalCode: PERSONAL.postalCode,
        city: 'Villeurbanne',
        phone: PERSONAL.phone,
        email: PERSONAL.email,
      },
      prescriberContact: { name: PERSONAL.contact, phone: PERSONAL.phone },
      comment: PERSONAL.note,
    },
    ...overrides,
  });
}

export interface AccessWorld {
  conventionId: string;
  /**
   * Sent by PRESCRIBER (prescriber:lmh) under asll-validated-test, followed by REFERENT, in the contract
   * stage awaiting the validation of fsl-69, its recommendations shared with partner lmh; full of personal data.
   */
  a: TrajectoryClient;
  /** Registered by the front desk for another prescriber (ccas-lyon), followed by REFERENT_2. */
  b: TrajectoryClient;
}

/**
 * A convention funded by departement-x (60 %) and caf-x (40 %), and two trajectories under it that
 * different people sent and follow: enough for every role to have something of its own and
 * something that is not.
 */
export async function seedAccessWorld(app: AccessApp): Promise<AccessWorld> {
  const convention = await app
    .http()
    .post('/conventions')
    .set(await authHeaders(ADMIN))
    .send({
      funder: 'departement-x',
      programme: 'asll-validated-test',
      year: 2026,
      prices: { perDiagnosticCents: 15000, perMonthCents: 19000 },
      yearlyCapCents: 4000000,
      funderShares: [
        { funder: 'departement-x', share: 0.6 },
        { funder: 'caf-x', share: 0.4 },
      ],
    });
  if (convention.status !== 201) throw new Error(`convention: ${convention.status} ${JSON.stringify(convention.body)}`);
  const conventionId = convention.body.id as string;

  const a = new TrajectoryClient(app, REFERENT);
  await a.open(saisineWithPersonalData('2026-01-05', { programmeCode: 'asll-validated-test', conventionId, householdId: randomUUID() }), PRESCRIBER);
  await a.run('assign-referent', { occurredAt: '2026-01-06', referentId: REFERENT.id }, { actor: COORDINATOR });
  await a.run('record-first-contact', { occurredAt: '2026-01-12', mode: 'home-visit', personal: { summary: PERSONAL.summary } });
  await a.run('record-evaluation-grid', {
    occurredAt: '2026-01-20',
    ratings: GRID,
    personal: { comments: [{ axis: 'savoir-louer', comment: PERSONAL.note }] },
  });
  await a.run('record-note', { occurredAt: '2026-01-21', category: 'contact-attempt', personal: { text: PERSONAL.note } });
  await a.run('conclude-diagnostic', { occurredAt: '2026-01-28', outcome: 'propose-accompaniment', householdSigned: true, personal: { summary: PERSONAL.summary } });
  // Partners in the loop: the measure waits for the FSL's validation; the recommendations went to the
  // landlord (partner:lmh) without the household's agreement to share their free text.
  await a.run('submit-for-validation', {
    occurredAt: '2026-01-29',
    measureType: 'ASLL',
    briques: ['2.1', '2.5'],
    durationMonths: 6,
    summary: { axesNeedingSupport: ['savoir-louer'], occupancyStatus: 'direct-lease', urgency: 'standard' },
  });
  await a.run('share-with-partner', {
    occurredAt: '2026-01-30',
    document: 'diagnostic-recommendations',
    recipient: { kind: 'landlord', id: 'lmh', name: 'Lyon Métropole Habitat' },
    householdAgreedOn: '2026-01-29',
    freeTextAgreed: false,
    content: { ratings: [{ axis: 'savoir-louer', rating: 'in-progress' }], briques: ['2.1', '2.5'] },
    personal: { text: PERSONAL.note },
  });

  const b = new TrajectoryClient(app, REFERENT_2);
  await b.open(
    saisineWithPersonalData('2026-02-02', { conventionId, prescriber: { kind: 'ccas', name: 'CCAS de Lyon', id: 'ccas-lyon' } }),
    SECRETARY,
  );
  await b.run('assign-referent', { occurredAt: '2026-02-03', referentId: REFERENT_2.id }, { actor: COORDINATOR });
  await b.run('record-first-contact', { occurredAt: '2026-02-09', mode: 'phone', personal: { summary: PERSONAL.summary } }, { actor: SECRETARY });

  advanceTo(app, '2026-03-02');
  await app.caughtUp();
  return { conventionId, a, b };
}
