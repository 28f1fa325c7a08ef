/** What GET /trajectories/{id} and /history say of the stream's hash chain. */
export interface Integrity {
  status: 'ok' | 'broken';
  eventsChecked: number;
  firstBroken?: { version: number; id: string; reason?: string };
}

/**
 * The integrity of a trajectory's recorded events, in words (never colour alone): shown on every
 * trajectory page, so nobody works from a case whose log was altered without being told.
 */
export function IntegrityFlag({ integrity }: { integrity: Integrity | undefined }) {
  if (!integrity) return null;
  if (integrity.status === 'ok') {
    return (
      <p className="integrity integrity-ok">
        <span className="badge badge-upcoming">Intègre</span> {integrity.eventsChecked} événement{integrity.eventsChecked > 1 ? 's' : ''} vérifié
        {integrity.eventsChecked > 1 ? 's' : ''} : la chaîne d'empreintes est intacte.
      </p>
    );
  }
  return (
    <p className="integrity integrity-broken" role="alert">
      <span className="badge badge-overdue">Altéré</span> L'événement n° {integrity.firstBroken?.version ?? '?'} (ou un précédent) a été modifié après son
      enregistrement : ce dossier et tout ce qui suit cet événement ne sont pas fiables.
    </p>
  );
}
