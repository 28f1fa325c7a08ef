import { useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../api/api-client';
import { AppLink } from '../../components/app-link';
import { describeError } from '../../components/async-view';
import { formatInstant } from '../../format/format-date';
import { BREAK_REASON_LABELS, STORAGE_PROBLEM_LABELS } from '../../i18n/funding-labels.fr';
import { label } from '../../i18n/labels.fr';
import { pathTo } from '../../routing/web-routes';

interface BrokenEvent {
  version: number;
  id: string;
  expectedHash?: string;
  storedHash?: string;
  reason?: string;
}

interface TrajectoryVerification {
  trajectoryId: string;
  ok: boolean;
  eventsChecked: number;
  firstBroken?: BrokenEvent;
}

interface VerificationJob {
  id: string;
  status: 'running' | 'succeeded' | 'failed';
  startedAt: string;
  finishedAt?: string;
  progress?: { streamsDone: number; streamsTotal: number; eventsChecked: number; altered: number };
  result?: {
    streams: number;
    eventsChecked: number;
    altered: { streamId: string; ok: boolean; eventsChecked: number; firstBroken?: BrokenEvent }[];
    storage?: { eventsStored: number; streamsStored: number; problems: { kind: string; streamId?: string; detail: string }[]; truncated: boolean };
    empty: boolean;
    intact: boolean;
  };
  error?: { code: string; detail: string };
}

const POLL_MS = 400;
const TRAJECTORY_STREAM = /^trajectory-([0-9a-f-]{36})$/i;

/** Verify one trajectory's hash chain, or every stream of the store through the verification job. */
export function VerificationPage({ api, search }: { api: ApiClient; search: string }) {
  return (
    <>
      <h1 tabIndex={-1}>Vérification de l'intégrité</h1>
      <p className="lead">
        Chaque événement est scellé par une empreinte qui dépend de son contenu et de l'événement précédent : la vérification recalcule ces empreintes et signale le
        premier événement qui ne correspond plus.
      </p>
      <OneTrajectory api={api} initial={new URLSearchParams(search).get('dossier') ?? ''} />
      <WholeStore api={api} />
    </>
  );
}

function OneTrajectory({ api, initial }: { api: ApiClient; initial: string }) {
  const [id, setId] = useState(initial);
  const [outcome, setOutcome] = useState<{ result?: TrajectoryVerification; error?: string; busy?: boolean }>({});
  const verify = async () => {
    setOutcome({ busy: true });
    try {
      const answer = await api.get<TrajectoryVerification>(`/trajectories/${encodeURIComponent(id.trim().toLowerCase())}/verify`);
      setOutcome({ result: answer.body });
    } catch (e) {
      setOutcome({ error: describeError(e) });
    }
  };
  return (
    <section aria-labelledby="one-title" className="card">
      <h2 id="one-title">Un dossier</h2>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void verify();
        }}
      >
        <label>
          Identifiant du dossier
          <input name="trajectory" size={40} value={id} onChange={(e) => setId(e.target.value)} required />
        </label>
        <button type="submit" disabled={outcome.busy}>
          Vérifier ce dossier
        </button>
      </form>
      <div aria-live="polite">
        {outcome.error && (
          <p role="alert" className="error">
            {outcome.error}
          </p>
        )}
        {outcome.result &&
          (outcome.result.ok ? (
            <p className="integrity integrity-ok">
              <span className="badge badge-upcoming">Intègre</span> {outcome.result.eventsChecked} événements vérifiés, aucune altération.
            </p>
          ) : (
            <BrokenNotice trajectoryId={outcome.result.trajectoryId} broken={outcome.result.firstBroken} checked={outcome.result.eventsChecked} />
          ))}
      </div>
    </section>
  );
}

function BrokenNotice({ trajectoryId, broken, checked }: { trajectoryId: string; broken?: BrokenEvent; checked: number }) {
  return (
    <div className="integrity integrity-broken">
      <p>
        <span className="badge badge-overdue">Altéré</span> Dossier <AppLink href={pathTo('auditHistory', { id: trajectoryId })}>{trajectoryId}</AppLink> : premier
        événement altéré, le n° {broken?.version ?? '?'} ({checked} vérifiés avant l'arrêt).
      </p>
      {broken && (
        <ul>
          <li>Cause : {label(BREAK_REASON_LABELS, broken.reason ?? 'hash-mismatch')}</li>
          <li>
            Identifiant de l'événement : <code>{broken.id}</code>
          </li>
          {broken.storedHash && (
            <li>
              Empreinte enregistrée <code>{broken.storedHash.slice(0, 16)}…</code>, recalculée <code>{broken.expectedHash?.slice(0, 16)}…</code>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

function WholeStore({ api }: { api: ApiClient }) {
  const [job, setJob] = useState<VerificationJob | undefined>();
  const [error, setError] = useState<string | undefined>();
  const polling = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(polling.current), []);

  const start = async () => {
    setError(undefined);
    try {
      const started = await api.post<VerificationJob>('/audit/verifications', undefined);
      setJob(started.body);
      const poll = async () => {
        try {
          const current = (await api.get<VerificationJob>(`/audit/verifications/${encodeURIComponent(started.body.id)}`)).body;
          setJob(current);
          if (current.status === 'running') polling.current = window.setTimeout(() => void poll(), POLL_MS);
        } catch (e) {
          setError(describeError(e));
        }
      };
      polling.current = window.setTimeout(() => void poll(), POLL_MS);
    } catch (e) {
      setError(describeError(e));
    }
  };

  const progress = job?.result ? { done: job.result.streams, total: job.result.streams } : job?.progress ? { done: job.progress.streamsDone, total: job.progress.streamsTotal } : undefined;
  return (
    <section aria-labelledby="all-title" className="card">
      <h2 id="all-title">Tout le registre</h2>
      <p>Tous les flux d'événements et toutes les lignes stockées : événements hors flux, versions manquantes, doublons.</p>
      <button type="button" onClick={() => void start()} disabled={job?.status === 'running'}>
        Vérifier tout le registre
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {job && (
        <div className="job">
          <label htmlFor="verification-progress">
            {job.status === 'running' ? 'Vérification en cours' : job.status === 'succeeded' ? 'Vérification terminée' : 'Vérification échouée'}
            {progress ? ` : ${progress.done} flux sur ${progress.total}` : ''}
          </label>
          <progress id="verification-progress" max={progress?.total || 1} value={progress ? progress.done : undefined} />
          {job.status === 'failed' && (
            <p role="alert" className="error">
              {job.error?.detail}
            </p>
          )}
          {job.result && <StoreReport result={job.result} finishedAt={job.finishedAt} />}
        </div>
      )}
    </section>
  );
}

function StoreReport({ result, finishedAt }: { result: NonNullable<VerificationJob['result']>; finishedAt?: string }) {
  const problems = result.storage?.problems ?? [];
  return (
    <div role="status">
      <p className={result.intact ? 'integrity integrity-ok' : 'integrity integrity-broken'}>
        <span className={`badge ${result.intact ? 'badge-upcoming' : 'badge-overdue'}`}>{result.intact ? 'Intègre' : 'Altéré'}</span>{' '}
        {result.empty
          ? 'Le registre est vide : est-ce le bon ?'
          : `${result.streams} flux, ${result.eventsChecked} événements vérifiés le ${formatInstant(finishedAt)} : ${
              result.intact ? 'aucune altération.' : `${result.altered.length} flux altéré${result.altered.length > 1 ? 's' : ''}, ${problems.length} anomalie${problems.length > 1 ? 's' : ''} de stockage.`
            }`}
      </p>
      {result.altered.length > 0 && (
        <table className="list">
          <caption>Flux altérés : le premier événement qui ne correspond plus</caption>
          <thead>
            <tr>
              <th scope="col">Flux</th>
              <th scope="col">Premier événement altéré</th>
              <th scope="col">Cause</th>
              <th scope="col">Identifiant de l'événement</th>
            </tr>
          </thead>
          <tbody>
            {result.altered.map((stream) => {
              const trajectory = TRAJECTORY_STREAM.exec(stream.streamId)?.[1];
              return (
                <tr key={stream.streamId}>
                  <td>{trajectory ? <AppLink href={pathTo('auditHistory', { id: trajectory })}>{stream.streamId}</AppLink> : stream.streamId}</td>
                  <td>n° {stream.firstBroken?.version ?? '?'}</td>
                  <td>{label(BREAK_REASON_LABELS, stream.firstBroken?.reason ?? 'hash-mismatch')}</td>
                  <td>
                    <code>{stream.firstBroken?.id ?? '—'}</code>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {problems.length > 0 && (
        <table className="list">
          <caption>Anomalies de stockage{result.storage?.truncated ? ' (liste tronquée)' : ''}</caption>
          <thead>
            <tr>
              <th scope="col">Anomalie</th>
              <th scope="col">Flux</th>
              <th scope="col">Détail</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={i}>
                <td>{label(STORAGE_PROBLEM_LABELS, p.kind)}</td>
                <td>{p.streamId ?? '—'}</td>
                <td>{p.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
