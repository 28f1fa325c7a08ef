import { s, type Infer } from '../../../engine/src';
import { documentSharedEvent } from '../events/document-shared.event';
import { GRID_AXES, GRID_RATINGS } from '../vocabulary/evaluation-grid';
import { PROGRESS_STATES, RENT_SITUATIONS, SHARED_DOCUMENT_KINDS, SHARE_RECIPIENT_KINDS } from '../vocabulary/partners';
import { briqueCode, code, longText, orgName, personal } from './support/fields';
import { compact, defineCommand, event } from './support/trajectory-command';

/**
 * A document shared with a named partner, only once the household agreed to its content
 * (domain.md §8). The partner reads its categorical content; its free text only if the household
 * agreed to that too.
 */
export const shareWithPartner = defineCommand({
  name: 'share-with-partner',
  summary: { en: 'Share a document with a partner', fr: 'Partager un document avec un partenaire' },
  description: {
    en: 'Records that the diagnostic’s recommendations, a bilan or the end-of-measure summary was shared with a named partner, with the date the household agreed to its content. Refused without that agreement.',
    fr: 'Enregistre que les préconisations du diagnostic, un bilan ou la synthèse de fin de mesure a été transmis à un partenaire nommé, avec la date de l’accord du ménage sur son contenu. Refusé sans cet accord.',
  },
  payload: s.object({
    document: s.oneOf(SHARED_DOCUMENT_KINDS, { label: { fr: 'Document', en: 'Document' }, example: 'bilan' }),
    recipient: s.object(
      {
        kind: s.oneOf(SHARE_RECIPIENT_KINDS, { label: { fr: 'Type de partenaire', en: 'Kind of partner' }, example: 'landlord' }),
        id: code({ en: 'a partner id', fr: 'un identifiant de partenaire' }, { label: { fr: 'Identifiant du partenaire', en: 'Partner id' }, description: 'The `partner:<id>` scope that reads it.', example: 'lmh' }),
        name: orgName({ fr: 'Partenaire', en: 'Partner' }, 'Lyon Métropole Habitat', 'An organisation, not a person.'),
      },
      { label: { fr: 'Destinataire', en: 'Recipient' } },
    ),
    householdAgreedOn: s.optional(s.calendarDate({ label: { fr: 'Accord du ménage le', en: 'Household agreed on' }, description: 'Required: nothing is shared without the household’s agreement.', example: '2026-05-02' })),
    freeTextAgreed: s.optional(s.boolean({ label: { fr: 'Le ménage accepte le partage du texte libre', en: 'Household agreed to share the free text' }, example: false })),
    content: s.object(
      {
        ratings: s.optional(
          s.list(
            s.object({
              axis: s.oneOf(GRID_AXES, { label: { fr: 'Axe', en: 'Axis' }, example: 'savoir-louer' }),
              rating: s.oneOf(GRID_RATINGS, { label: { fr: 'Appréciation', en: 'Rating' }, example: 'in-progress' }),
            }),
            { maxItems: GRID_AXES.length, label: { fr: 'Grille (par axe)', en: 'Grid (per axis)' } },
          ),
        ),
        briques: s.optional(s.list(briqueCode(), { maxItems: 30, uniqueItems: true, label: { fr: 'Briques', en: 'Briques' }, example: ['2.5'] })),
        rentSituation: s.optional(s.oneOf(RENT_SITUATIONS, { label: { fr: 'Situation locative', en: 'Rent situation' }, example: 'repayment-plan' })),
        progress: s.optional(s.oneOf(PROGRESS_STATES, { label: { fr: 'Avancement', en: 'Progress' }, example: 'on-track' })),
      },
      { label: { fr: 'Contenu transmis', en: 'Content shared' }, description: 'Categorical only: what the partner reads.' },
    ),
    personal: personal({ text: s.optional(longText({ fr: 'Texte du document', en: 'Document text' }, 'Le ménage tient son plan d’apurement depuis trois mois.')) }),
  }),
  example: {
    document: 'bilan',
    recipient: { kind: 'landlord', id: 'lmh', name: 'Lyon Métropole Habitat' },
    householdAgreedOn: '2026-05-02',
    freeTextAgreed: false,
    content: { rentSituation: 'repayment-plan', progress: 'on-track' },
  },
  produces: [documentSharedEvent],
  decide: (p) => [
    event(
      documentSharedEvent,
      // householdAgreedOn may be missing here: the rule refuses the share (household-agreement-required) and says why.
      compact({ document: p.document, recipient: p.recipient, householdAgreedOn: p.householdAgreedOn as string, freeTextAgreed: p.freeTextAgreed ?? false, content: compact(p.content), personal: p.personal }),
    ),
  ],
});

export type ShareWithPartnerPayload = Infer<typeof shareWithPartner.payload>;
