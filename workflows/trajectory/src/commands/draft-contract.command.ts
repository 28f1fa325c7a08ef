import { s, type Infer } from '../../../engine/src';
import { contractDraftedEvent } from '../events/contract-drafted.event';
import { MEETING_FREQUENCIES, OCCUPANCY_STATUSES } from '../vocabulary/trajectory-terms';
import { checkScale, resolveConvention } from '../convention-directory';
import { briqueCode, code, conventionCode, conventionId, objectiveId, orgName, personal, shortText, TEXT_MAX } from './support/fields';
import { compact, defineCommand, event, invalid } from './support/trajectory-command';

export const draftContract = defineCommand({
  name: 'draft-contract',
  summary: { en: 'Draft the contract', fr: 'Rédiger le contrat' },
  description: {
    en: 'The personalised contract: measure type, planned briques, duration, bilan cadence, meetings, occupancy, landlord, convention.',
    fr: 'Le contrat personnalisé : type de mesure, briques prévues, durée, rythme des bilans, rencontres, statut d’occupation, bailleur, convention.',
  },
  payload: s.object({
    measureType: code({ en: 'a measure type code', fr: 'un code de type de mesure' }, { label: { fr: 'Type de mesure', en: 'Measure type' }, description: 'AVDL, GLA or a custom measure type.', example: 'AVDL' }),
    briques: s.list(briqueCode(), {
      minItems: 1,
      maxItems: 30,
      uniqueItems: true,
      label: { fr: 'Briques prévues', en: 'Planned briques' },
      description: 'Brique codes planned.',
      example: ['2.1', '2.5'],
    }),
    durationMonths: s.optional(s.integer({ minimum: 1, maximum: 60, label: { fr: 'Durée (mois)', en: 'Duration (months)' }, description: 'Default: the programme’s duration.', example: 6 })),
    bilanEveryMonths: s.optional(
      s.integer({ minimum: 1, maximum: 24, label: { fr: 'Bilan tous les (mois)', en: 'Bilan every (months)' }, description: 'Default: the programme’s bilan cadence.', example: 3 }),
    ),
    meetingFrequency: s.oneOf(MEETING_FREQUENCIES, { label: { fr: 'Fréquence des rencontres', en: 'Meeting frequency' }, example: 'monthly' }),
    occupancyStatus: s.oneOf(OCCUPANCY_STATUSES, { label: { fr: 'Statut d’occupation', en: 'Occupancy status' }, example: 'direct-lease' }),
    landlord: s.optional(
      s.object(
        {
          name: orgName({ fr: 'Bailleur', en: 'Landlord' }, 'Lyon Métropole Habitat', 'The organisation; its contact person goes to personal.'),
          id: s.optional(orgName({ fr: 'Identifiant du bailleur', en: 'Landlord id' }, 'lmh')),
        },
        { label: { fr: 'Bailleur', en: 'Landlord' } },
      ),
    ),
    conventionId: s.optional(conventionId('Default: the saisine’s convention.')),
    conventionCode: s.optional(conventionCode('The convention by its code, instead of its id (default: the saisine’s convention).')),
    scale: s.optional(
      code(
        { en: 'a scale code', fr: 'un code de barème' },
        { label: { fr: 'Barème', en: 'Scale' }, description: 'Where the convention prices measures on several scales (barèmes): the one of this measure. Default: its first.', example: 'standard' },
      ),
    ),
    objectives: s.optional(s.list(s.object({ id: objectiveId() }), { maxItems: 50, label: { fr: 'Objectifs', en: 'Objectives' }, example: [{ id: 'obj-1' }] })),
    personal: personal({
      objectives: s.optional(
        s.list(
          s.object({ id: objectiveId(), text: s.text({ maxLength: TEXT_MAX, multiline: true, label: { fr: 'Objectif', en: 'Objective' }, example: 'Clear the rent arrears with an FSL grant and a repayment plan.' }) }),
          { maxItems: 50, label: { fr: 'Libellé des objectifs', en: 'Objectives’ wording' } },
        ),
      ),
      meetingPlace: s.optional(shortText({ fr: 'Lieu des rencontres', en: 'Meeting place' }, 'At home, or at the Villeurbanne office')),
      landlordContact: s.optional(shortText({ fr: 'Contact chez le bailleur', en: 'Landlord contact' }, 'Mme Dubois, 04 72 00 00 00')),
    }),
  }),
  example: { measureType: 'AVDL', briques: ['2.1', '2.5'], meetingFrequency: 'monthly', occupancyStatus: 'direct-lease', objectives: [{ id: 'obj-1' }] },
  produces: [contractDraftedEvent],
  refusals: ['unknown-brique', 'convention-required', 'unknown-convention', 'convention-ambiguous', 'unknown-scale', 'convention-cap-reached'],
  decide: (p, { context, deps, occurredAt }) => {
    const unknown = p.briques.filter((c) => !deps.briques.has(c));
    if (unknown.length) return invalid('briques', `names briques that are not in the catalogue: ${unknown.join(', ')}`, 'unknown-brique');
    const programme = context.programmeCode ?? '';
    const named = p.conventionId !== undefined || p.conventionCode !== undefined;
    const resolved = named
      ? resolveConvention(deps.conventions, programme, Number(occurredAt.slice(0, 4)), p)
      : context.conventionId
        ? ({ ok: true, convention: deps.conventions?.ofProgramme(programme).find((c) => c.id === context.conventionId) ?? { id: context.conventionId } } as const)
        : resolveConvention(deps.conventions, programme, Number((context.openedOn ?? occurredAt).slice(0, 4)), {}, { required: true });
    if (!resolved.ok) return invalid(resolved.field, resolved.reason, resolved.code);
    if (!resolved.convention) return invalid('conventionId', 'is required: the contract must name the convention that funds it', 'convention-required');
    const convention = resolved.convention.id;
    const scaleProblem = p.scale === undefined ? undefined : checkScale(deps.conventions, programme, convention, p.scale);
    if (scaleProblem) return invalid('scale', scaleProblem, 'unknown-scale');
    if (context.programme?.capPolicy === 'refuse' && 'capReached' in resolved.convention && resolved.convention.capReached) {
      return { refusal: { code: 'convention-cap-reached', kind: 'rule', reason: `The yearly cap of convention ${resolved.convention.code} is reached and the programme refuses new measures beyond it.` } };
    }
    const ids = (p.objectives ?? []).map((o) => o.id);
    if (new Set(ids).size !== ids.length) return invalid('objectives', 'must have distinct ids');
    return [
      event(
        contractDraftedEvent,
        compact({
          measureType: p.measureType,
          briques: p.briques,
          durationMonths: p.durationMonths ?? context.programme?.durationMonths ?? 6,
          bilanEveryMonths: p.bilanEveryMonths ?? context.programme?.bilanEveryMonths ?? 3,
          meetingFrequency: p.meetingFrequency,
          occupancyStatus: p.occupancyStatus,
          landlord: p.landlord,
          conventionId: convention,
          scale: p.scale,
          objectives: p.objectives ?? [],
          personal: p.personal,
        }),
      ),
    ];
  },
});

export type DraftContractPayload = Infer<typeof draftContract.payload>;
