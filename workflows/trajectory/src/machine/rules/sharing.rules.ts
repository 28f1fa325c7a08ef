import type { TrajectoryContext } from '../../trajectory-context';
import type { SharedDocumentKind } from '../../vocabulary/partners';
import { dataOf, type TrajectoryRules } from './trajectory-rule';

/** A document exists once what it reports on was recorded. */
const DOCUMENT_EXISTS: Record<SharedDocumentKind, { holds: (c: TrajectoryContext) => boolean; missing: string }> = {
  'diagnostic-recommendations': { holds: (c) => c.diagnostic.concluded !== undefined, missing: 'the diagnostic is not concluded yet' },
  bilan: { holds: (c) => c.bilansCount > 0 || c.lastBilanOn !== undefined, missing: 'no bilan was recorded yet (record-bilan)' },
  'end-of-measure-summary': { holds: (c) => c.evaluation?.final !== undefined, missing: 'the final evaluation is not recorded yet' },
};

/** Nothing is shared without the household's recorded agreement (domain.md §8). */
export const sharingRules = {
  canShareWithPartner: [
    {
      code: 'household-agreement-required',
      reason: 'Nothing is shared with a partner without the household’s agreement to its content: record the date the household agreed (householdAgreedOn).',
      holds: (_c, e) => typeof dataOf(e, 'DocumentShared').householdAgreedOn === 'string',
    },
    {
      code: 'agreement-after-sharing',
      reason: (_c, e) => `The household agreed on ${dataOf(e, 'DocumentShared').householdAgreedOn}, after the document was shared on ${e.occurredAt}: the agreement comes first.`,
      requirement: 'The household agreed on or before the day the document is shared, and not before the trajectory opened.',
      holds: (c, e) => {
        const agreed = dataOf(e, 'DocumentShared').householdAgreedOn;
        return agreed <= e.occurredAt && agreed >= (c.openedOn ?? '');
      },
    },
    {
      code: 'document-not-available',
      reason: (_c, e) => `There is no ${dataOf(e, 'DocumentShared').document} to share yet: ${DOCUMENT_EXISTS[dataOf(e, 'DocumentShared').document].missing}.`,
      requirement: 'The document shared exists: a concluded diagnostic, a recorded bilan, a recorded final evaluation.',
      holds: (c, e) => DOCUMENT_EXISTS[dataOf(e, 'DocumentShared').document].holds(c),
      satisfiable: (c) => Object.values(DOCUMENT_EXISTS).some((d) => d.holds(c)),
    },
  ],
} satisfies TrajectoryRules;
