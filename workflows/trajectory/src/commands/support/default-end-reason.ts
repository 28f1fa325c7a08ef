import type { TrajectoryContext } from '../../trajectory-context';
import type { EndReason } from '../../vocabulary/trajectory-terms';

/**
 * The end reason a closing takes when the command names none: the final evaluation's, recorded
 * with the household (domain §2). `close` and `end-veille` both use it, so a veille that ends after
 * an evaluation saying "maintained" is counted as maintained in the report. Without a final
 * evaluation (the rules require one before either closing) it would be 'other'.
 */
export function defaultEndReason(context: Pick<TrajectoryContext, 'evaluation'>): EndReason {
  return context.evaluation?.final?.endReason ?? 'other';
}

export const DEFAULT_END_REASON_DESCRIPTION = {
  en: 'Default: the final evaluation’s end reason.',
  fr: 'Par défaut : le motif de fin de l’évaluation finale.',
} as const;
