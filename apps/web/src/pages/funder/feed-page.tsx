import { useEffect, useState } from 'react';
import type { FeedRecord } from '../../../../../projections/feeds/feed-record';
import type { ApiClient } from '../../api/api-client';
import { readEventStream } from '../../api/event-stream';
import { describeError, useLoad } from '../../components/async-view';
import { formatDate } from '../../format/format-date';
import { FEED_KIND_LABELS, monthLabel, vocabulary } from '../../i18n/funding-labels.fr';
import { label } from '../../i18n/labels.fr';
import type { Session } from '../../session/session';
import { type Convention, conventionTitle, funderScopes } from './funder-api';

const KEEP = 500;
/** How long to wait before reconnecting after the stream dropped (the server says 2 s too). */
const RETRY_MS = 2000;

type Link = { state: 'connecting' } | { state: 'live' } | { state: 'retrying'; message: string };

/**
 * The funder's pseudonymised feed as its systems receive it: the server-sent events of
 * GET /feeds/{funder}, from the start then live, newest first, filtered by convention if asked.
 */
export function FeedPage({ api, session }: { api: ApiClient; session: Session }) {
  const funders = funderScopes(session.scopes);
  const [funder, setFunder] = useState(funders[0]);
  const [convention, setConvention] = useState('');
  const [records, setRecords] = useState<FeedRecord[]>([]);
  const [link, setLink] = useState<Link>({ state: 'connecting' });
  const [conventions] = useLoad(() => api.get<Convention[]>('/conventions').then((a) => a.body), []);

  useEffect(() => {
    if (!funder) return;
    const stop = new AbortController();
    let lastId: string | undefined;
    setRecords([]);
    const follow = async () => {
      while (!stop.signal.aborted) {
        try {
          setLink({ state: 'connecting' });
          const response = await api.raw(`/feeds/${encodeURIComponent(funder)}`, 'text/event-stream', {
            signal: stop.signal,
            headers: lastId ? { 'last-event-id': lastId } : {},
          });
          setLink({ state: 'live' });
          await readEventStream(response, (event) => {
            if (event.event !== 'feed-record') return;
            lastId = event.id ?? lastId;
            const record = JSON.parse(event.data) as FeedRecord;
            setRecords((list) => (list.some((r) => r.recordId === record.recordId) ? list : [record, ...list].slice(0, KEEP)));
          });
          if (!stop.signal.aborted) setLink({ state: 'retrying', message: 'Le serveur a fermé le flux.' });
        } catch (e) {
          if (stop.signal.aborted) return;
          setLink({ state: 'retrying', message: describeError(e) });
        }
        await new Promise((resolve) => window.setTimeout(resolve, RETRY_MS));
      }
    };
    void follow();
    return () => stop.abort();
  }, [funder]);

  if (!funder) {
    return (
      <>
        <h1 tabIndex={-1}>Flux</h1>
        <p>Votre accès ne désigne aucun financeur : il n'y a pas de flux à afficher.</p>
      </>
    );
  }
  const titles = new Map(conventions.state === 'ready' ? conventions.value.map((c) => [c.id, conventionTitle(c)]) : []);
  const shown = convention ? records.filter((r) => r.conventionId === convention) : records;
  return (
    <>
      <h1 tabIndex={-1}>Flux pseudonymisé</h1>
      <p className="lead">
        Ce que reçoivent vos systèmes, au fil de l'eau : des faits et des catégories, jamais de nom ni de texte libre. Un même ménage garde le même pseudonyme dans
        votre flux.
      </p>
      <form className="filters" aria-label="Filtres du flux" onSubmit={(e) => e.preventDefault()}>
        {funders.length > 1 && (
          <label>
            Financeur
            <select value={funder} onChange={(e) => setFunder(e.target.value)}>
              {funders.map((f) => (
                <option key={f}>{f}</option>
              ))}
            </select>
          </label>
        )}
        <label>
          Convention
          <select value={convention} onChange={(e) => setConvention(e.target.value)}>
            <option value="">Toutes</option>
            {[...new Set([...titles.keys(), ...records.map((r) => r.conventionId)])].map((id) => (
              <option key={id} value={id}>
                {titles.get(id) ?? id}
              </option>
            ))}
          </select>
        </label>
      </form>
      <p role="status" className={link.state === 'retrying' ? 'notice' : 'lead'}>
        {link.state === 'live' && `En direct · ${shown.length} enregistrement${shown.length > 1 ? 's' : ''} reçu${shown.length > 1 ? 's' : ''}`}
        {link.state === 'connecting' && 'Connexion au flux…'}
        {link.state === 'retrying' && `Flux interrompu (${link.message}) : nouvelle tentative dans quelques secondes.`}
      </p>
      <table className="list">
        <caption className="visually-hidden">Enregistrements du flux, du plus récent au plus ancien</caption>
        <thead>
          <tr>
            <th scope="col">N°</th>
            <th scope="col">Date</th>
            <th scope="col">Fait</th>
            <th scope="col">Convention</th>
            <th scope="col">Ménage (pseudonyme)</th>
            <th scope="col">Profil</th>
            <th scope="col">Détails</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.recordId}>
              <td>{r.sequence}</td>
              <td>{formatDate(r.businessDate)}</td>
              <td>{label(FEED_KIND_LABELS, r.kind)}</td>
              <td>{titles.get(r.conventionId) ?? r.conventionId}</td>
              <td>
                <code title={r.trajectoryPseudonym}>{r.trajectoryPseudonym.slice(0, 10)}…</code>
              </td>
              <td>{[vocabulary(r.profile.composition), r.profile.ageBand ? vocabulary(r.profile.ageBand) : null, vocabulary(r.profile.resourcesType)].filter(Boolean).join(' · ')}</td>
              <td>{details(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function details(r: FeedRecord): string {
  const d = r.details;
  const parts: string[] = [];
  if (d.month) parts.push(monthLabel(d.month));
  if (d.outcome) parts.push(vocabulary(d.outcome));
  if (d.measureType) parts.push(d.measureType);
  if (d.briqueCodes?.length) parts.push(`briques ${d.briqueCodes.join(', ')}`);
  if (d.endReason) parts.push(vocabulary(d.endReason));
  if (d.renewalMonths) parts.push(`${d.renewalMonths} mois`);
  if (d.partnerKind) parts.push(vocabulary(d.partnerKind));
  return parts.join(' · ') || '—';
}
