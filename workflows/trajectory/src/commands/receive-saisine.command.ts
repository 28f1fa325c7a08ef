import { s, type Infer } from '../../../engine/src';
import { termsOf } from '../../../programmes/src';
import { saisineReceivedEvent } from '../events/saisine-received.event';
import { AGE_BANDS, COMPOSITIONS, GENDERS, MOTIVES, PRESCRIBER_KINDS, RESOURCES_TYPES } from '../vocabulary/household';
import { readSaisineFields } from '../saisine-fields';
import { resolveConvention } from '../convention-directory';
import { code, conventionCode, conventionId, email, longText, NAME_MAX, orgName, personal, phone, postalCode, shortText } from './support/fields';
import { compact, defineCommand, event, invalid } from './support/trajectory-command';

const personName = {
  lastName: s.optional(s.text({ maxLength: NAME_MAX, label: { fr: 'Nom', en: 'Last name' }, example: 'Martin' })),
  firstName: s.optional(s.text({ maxLength: NAME_MAX, label: { fr: 'Prénom', en: 'First name' }, example: 'Awa' })),
};

export const receiveSaisine = defineCommand({
  name: 'receive-saisine',
  summary: { en: 'Receive a saisine (opens the trajectory)', fr: 'Enregistrer une saisine (ouvre le parcours)' },
  description: {
    en: 'Registers a referral: prescriber, motives, programme, categorical household profile; identifying data goes in `personal`. `occurredAt` is the date the saisine was received.',
    fr: 'Enregistre une orientation : prescripteur, motifs, dispositif, profil catégoriel du ménage ; les données qui identifient le ménage vont dans « Données personnelles ». La date est celle de la réception de la saisine.',
  },
  payload: s.object({
    programmeCode: code({ en: 'a programme code', fr: 'un code de dispositif' }, { label: { fr: 'Dispositif', en: 'Programme' }, description: 'Code of a programme from the catalogue.', example: 'avdl' }),
    conventionId: s.optional(conventionId('The funder’s convention; default: the programme’s only convention of the year (refused when it has several).')),
    conventionCode: s.optional(conventionCode('The convention by its code (what a landlord knows), instead of its id.')),
    /** Omit for a household new to the service; pass it to link a new saisine to earlier ones. */
    householdId: s.optional(
      s.text({ maxLength: 36, format: 'uuid', label: { fr: 'Ménage déjà connu', en: 'Known household' }, description: 'Links this saisine to a household already known.', example: '3f0e8b1a-7c2d-4e5f-9a6b-1c2d3e4f5a6b' }),
    ),
    prescriber: s.object(
      {
        kind: s.oneOf(PRESCRIBER_KINDS, { label: { fr: 'Type de prescripteur', en: 'Kind of prescriber' }, example: 'landlord' }),
        name: orgName({ fr: 'Nom du prescripteur', en: 'Prescriber’s name' }, 'Lyon Métropole Habitat', 'The organisation (not a person).'),
        id: s.optional(orgName({ fr: 'Identifiant du prescripteur', en: 'Prescriber id' }, 'lmh', 'The prescriber’s id in this service, when it has one.')),
      },
      { label: { fr: 'Prescripteur', en: 'Prescriber' } },
    ),
    motives: s.list(s.oneOf(MOTIVES), { minItems: 1, maxItems: MOTIVES.length, uniqueItems: true, label: { fr: 'Motifs', en: 'Motives' }, example: ['unpaid-rent', 'maintenance'] }),
    household: s.object(
      {
        composition: s.oneOf(COMPOSITIONS, { label: { fr: 'Composition', en: 'Composition' }, example: 'single-parent' }),
        childrenCount: s.integer({ minimum: 0, maximum: 20, label: { fr: 'Nombre d’enfants', en: 'Number of children' }, example: 2 }),
        ageBand: s.oneOf(AGE_BANDS, { label: { fr: 'Tranche d’âge', en: 'Age band' }, example: '35-44' }),
        referenceGender: s.oneOf(GENDERS, { label: { fr: 'Genre de la personne de référence', en: 'Gender of the reference person' }, example: 'female' }),
        mainResources: s.oneOf(RESOURCES_TYPES, { label: { fr: 'Ressources principales', en: 'Main resources' }, example: 'rsa' }),
      },
      { label: { fr: 'Profil du ménage', en: 'Household profile' }, description: 'Categorical, statistics-safe facts about the household.' },
    ),
    fields: s.optional(
      s.freeObject({
        label: { fr: 'Champs du dispositif', en: 'Programme fields' },
        description: 'The programme’s own categorical saisine fields (its `saisineFields`): field name -> one of its value codes. No free text: that goes in `personal.comment`.',
        example: {},
      }),
    ),
    personal: personal({
      household: s.optional(
        s.object(
          {
            ...personName,
            otherMembers: s.optional(s.list(s.object(personName), { maxItems: 20, label: { fr: 'Autres membres', en: 'Other members' }, example: [{ firstName: 'Léo', lastName: 'Martin' }] })),
            address: s.optional(shortText({ fr: 'Adresse', en: 'Address' }, '12 rue des Lilas')),
            postalCode: s.optional(postalCode()),
            city: s.optional(s.text({ maxLength: NAME_MAX, label: { fr: 'Commune', en: 'City' }, example: 'Villeurbanne' })),
            phone: s.optional(phone('+33 6 12 34 56 78')),
            email: s.optional(email('awa.martin@example.org')),
          },
          { label: { fr: 'Identité du ménage', en: 'Household identity' } },
        ),
      ),
      prescriberContact: s.optional(
        s.object(
          {
            name: s.optional(s.text({ maxLength: NAME_MAX, label: { fr: 'Nom', en: 'Name' }, example: 'Claire Dubois (chargée de contentieux)' })),
            phone: s.optional(phone('04 72 00 00 00')),
            email: s.optional(email('c.dubois@lmh.example')),
          },
          { label: { fr: 'Contact chez le prescripteur', en: 'Contact at the prescriber' } },
        ),
      ),
      comment: s.optional(longText({ fr: 'Commentaire', en: 'Comment' }, 'Referred after the CCAPEX meeting of 3 March.')),
    }),
  }),
  example: {
    programmeCode: 'avdl',
    prescriber: { kind: 'landlord', name: 'Lyon Métropole Habitat' },
    motives: ['unpaid-rent'],
    household: { composition: 'single-parent', childrenCount: 2, ageBand: '35-44', referenceGender: 'female', mainResources: 'rsa' },
    personal: { household: { lastName: 'Martin', firstName: 'Awa' } },
  },
  produces: [saisineReceivedEvent],
  refusals: ['unknown-programme', 'unknown-convention', 'convention-ambiguous', 'invalid-saisine-field'],
  decide: (p, { deps, ids, workflowVersion, occurredAt }) => {
    const programme = deps.programmes.get(p.programmeCode);
    if (!programme) return invalid('programmeCode', `"${p.programmeCode}" is not a known programme`, 'unknown-programme');
    const fields = readSaisineFields(programme.saisineFields, p.fields);
    if (!fields.ok) return { refusal: { code: 'invalid-saisine-field', kind: 'invalid', reason: fields.problems.map((x) => `${x.field} ${x.reason}`).join('; '), fields: fields.problems } };
    const convention = resolveConvention(deps.conventions, programme.code, Number(occurredAt.slice(0, 4)), p);
    if (!convention.ok) return invalid(convention.field, convention.reason, convention.code);
    return [
      event(
        saisineReceivedEvent,
        compact({
          workflowVersion,
          programme: termsOf(programme),
          conventionId: convention.convention?.id,
          ...(fields.value ? { fields: fields.value } : {}),
          householdId: p.householdId ?? ids.next(),
          prescriber: p.prescriber,
          motives: p.motives,
          household: p.household,
          personal: p.personal,
        }),
      ),
    ];
  },
});

export type ReceiveSaisinePayload = Infer<typeof receiveSaisine.payload>;
