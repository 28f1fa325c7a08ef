import type { ApiClient } from '../api/api-client';
import { AsyncView, useLoad } from '../components/async-view';
import { loadCommandCatalogue } from '../commands/command-catalogue';
import { CommandForm } from '../commands/lazy-command-form';
import { navigate } from '../routing/use-location';
import { pathTo } from '../routing/web-routes';
import { loadProgrammes, withProgrammeChoice } from '../saisine/programme-choice';

/** A new saisine, from the form of receive-saisine; once recorded, the new case opens. */
export function NewSaisinePage({ api }: { api: ApiClient }) {
  // The form's command is made once, when loaded: a new schema object at each render would make the
  // form start over (rjsf resets its errors when its schema changes), e.g. when the app re-renders.
  const [loaded] = useLoad(
    () =>
      Promise.all([loadCommandCatalogue(api), loadProgrammes(api)]).then(([catalogue, programmes]) => {
        const opening = [...catalogue.values()].find((c) => c.opensTrajectory);
        return { catalogue, command: opening && withProgrammeChoice(opening, programmes) };
      }),
    [],
  );
  return (
    <>
      <h1 tabIndex={-1}>Nouvelle saisine</h1>
      <AsyncView loaded={loaded}>
        {({ catalogue, command }) => {
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
