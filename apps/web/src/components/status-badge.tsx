import { DEADLINE_STATUS_LABELS, label } from '../i18n/labels.fr';

/** A deadline's status in words (never colour alone), with a colour that keeps AA contrast. */
export function StatusBadge({ status }: { status: string | null | undefined }) {
  if (!status) return <span>—</span>;
  return <span className={`badge badge-${status}`}>{label(DEADLINE_STATUS_LABELS, status)}</span>;
}
