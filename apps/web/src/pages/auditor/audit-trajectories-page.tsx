import { useState } from 'react';
import type { CaseloadPage } from '../../../../../projections/caseload/caseload.queries';
import type { ApiClient } from '../../api/api-client';
import { AppLink } from '../../components/app-link';
import { AsyncView, useLoad } from '../../components/async-view';
import { formatDate } from '../../format/format-date';
import { label, STAGE_LABELS } from '../../i18n/labels.fr';
import { navigate } from '../../routing/use-location';
import { pathTo } from '../../routing/web-routes';
import { shortReference } from '../short-reference';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where an auditor starts: any trajectory by its id, or one of the caseload's. */
export function AuditTrajectoriesPage({ api }: { api: ApiClient }) {
  const [id, setId] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [loaded] = useLoad(() => api.get<CaseloadPage>('/caseload?limit=100').then((a) => a.body), []);
  return (
    <>
      <h1 tabIndex={-1}>Historique des dossiers</h1>
      <p className="lead">Chaque événement enregistré, dans l'ordre, et l'état du dossier à n'importe quel instant.</p>
      <form
        className="filters"
        aria-label="Ouvrir un dossier"
        onSubmit={(e) => {
          e.preventDefault();
          const value = id.trim();
          if (!UUID.test(value)) return setInvalid(true);
          navigate(pathTo('auditHistory', { id: value.toLowerCase() }));
        }}
      >
        <label>
          Identifiant du dossier
          <input name="trajectory" value={id} size={40} aria-invalid={invalid || undefined} aria-describedby={invalid ? 'trajectory-error' : undefined} onChange={(e) => (setId(e.target.value), setInvalid(false))} />
        </label>
        <button type="submit">Ouvrir l'historique</button>
        {invalid && (
          <p id="trajectory-error" className="error" role="alert">
            Un identifiant de dossier a la forme 5a4c1f2e-0b7d-4b8e-9c1a-2d3e4f5a6b7c.
          </p>
        )}
      </form>
      <AsyncView loaded={loaded}>
        {(caseload) => (
          <table className="list">
            <caption>
              Dossiers en cours ({caseload.total}) au {formatDate(caseload.today)}
            </caption>
            <thead>
              <tr>
                <th scope="col">Dossier</th>
                <th scope="col">Programme</th>
                <th scope="col">Étape</th>
                <th scope="col">Référent·e</th>
              </tr>
            </thead>
            <tbody>
              {caseload.items.map((item) => (
                <tr key={item.trajectoryId}>
                  <td>
                    <AppLink href={pathTo('auditHistory', { id: item.trajectoryId })}>{shortReference(item.trajectoryId)}</AppLink>
                  </td>
                  <td>{item.programme}</td>
                  <td>{label(STAGE_LABELS, item.stage)}</td>
                  <td>{item.referentId ?? 'Sans référent·e'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </AsyncView>
    </>
  );
}
