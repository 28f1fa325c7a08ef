import type { ApiClient } from '../api/api-client';
import { AsyncView, useLoad } from '../components/async-view';
import { loadCommandCatalogue } from '../commands/command-catalogue';
import { CommandForm } from '../commands/command-form';
import { navigate } from '../routing/use-location';
import { pathTo } from '../routing/web-routes';
import { loadProgrammes, withProgrammeChoice } from '../saisine/programme-choice';

/** A new saisine, from the form of receive-saisine; once recorded, the new case opens. */
export function NewSaisinePage({ api }: { api: ApiClient }) {
  const [loaded] = useLoad(() => Promise.all([loadCommandCatalogue(api), loadProgrammes(api)]), []);
  return (
    <>
      <h1 tabIndex={-1}>Nouvelle saisine</h1>
      <AsyncView loaded={loaded}>
        {([catalogue, programmes]) => {
          const opening = [...catalogue.values()].find((c) => c.opensTrajectory);
          const command = opening && withProgrammeChoice(opening, programmes);
          if (!command) return <p role="alert">Le serveur ne publie pas le formulaire de saisine.</p>;
          return (
            <div className="page-form">
              <p>{command.descriptions.fr}</p>
              <CommandForm
                command={command}
                draftKey="new-saisine"
                labelOf={(name) => catalogue.get(name)?.labels.fr ?? name}
                send={(body) => api.post<{ trajectoryId: string }>('/trajectories', body).then((answer) => answer.body)}
                onSent={(answer) => navigate(pathTo('trajectory', { id: (answer as { trajectoryId: string }).trajectoryId }))}
              />
            </div>
          );
        }}
      </AsyncView>
    </>
  );
}
