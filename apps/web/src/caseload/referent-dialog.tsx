import { useState } from 'react';
import type { ApiClient } from '../api/api-client';
import { AsyncView, useLoad } from '../components/async-view';
import { allowedName, type CommandDescription, loadCommandCatalogue } from '../commands/command-catalogue';
import { CommandDialog } from '../commands/command-dialog';
import { shortReference } from '../pages/short-reference';
import type { TrajectoryView } from '../pages/trajectory-page';

/** The two commands that name the social worker of a case; the trajectory says which one applies now. */
export const REFERENT_COMMANDS = ['assign-referent', 'change-referent'] as const;

/**
 * Assigning or changing the referent from the caseload, with the same form (and the same If-Match)
 * as on the case's own page: the trajectory is read first for its version and the command allowed now.
 * The referents the caseload knows are offered as suggestions (a datalist), any actor id is accepted.
 */
export function ReferentDialog({
  api,
  trajectoryId,
  knownReferents,
  onClose,
}: {
  api: ApiClient;
  trajectoryId: string;
  knownReferents: string[];
  onClose: (changed: boolean) => void;
}) {
  // The referents known when the dialog opened: the form's schema is made once (a new one at each
  // render of the caseload would make the form start over).
  const [suggestions] = useState(knownReferents);
  const [loaded] = useLoad(
    () =>
      Promise.all([api.get<TrajectoryView>(`/trajectories/${encodeURIComponent(trajectoryId)}`), loadCommandCatalogue(api)]).then(([view, catalogue]) => {
        const allowed = view.body.allowedCommands.map(allowedName);
        const name = REFERENT_COMMANDS.find((c) => allowed.includes(c));
        const command = name ? catalogue.get(name) : undefined;
        return { view, catalogue, command: command && withSuggestions(command, suggestions) };
      }),
    [trajectoryId],
  );
  return (
    <AsyncView loaded={loaded}>
      {({ view, catalogue, command }) => {
        if (!command) {
          return (
            <p role="alert" className="error">
              Le référent de ce dossier ne peut pas être changé à cette étape.
              <button type="button" className="secondary" onClick={() => onClose(false)}>
                Fermer
              </button>
            </p>
          );
        }
        return (
          <CommandDialog
            api={api}
            trajectoryId={trajectoryId}
            version={view.body.version}
            command={command}
            labelOf={(other) => catalogue.get(other)?.labels.fr ?? other}
            onClose={onClose}
          />
        );
      }}
    </AsyncView>
  );
}

/** The referentId field gets the known referents as `examples`, which the form shows as a datalist. */
function withSuggestions(command: CommandDescription, referents: string[]): CommandDescription {
  const properties = (command.schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  if (!properties.referentId || referents.length === 0) return command;
  return {
    ...command,
    schema: { ...command.schema, properties: { ...properties, referentId: { ...properties.referentId, examples: referents } } },
  };
}

/** "Désigner" for a case without a referent, "Changer" otherwise; its accessible name says which case (the visible word comes first). */
export function ReferentButton({ item, onClick }: { item: { trajectoryId: string; referentId: string | null; stage: string }; onClick: () => void }) {
  if (item.stage === 'closed') return <span>—</span>;
  const reference = shortReference(item.trajectoryId);
  return (
    <button
      type="button"
      className="secondary small"
      aria-label={item.referentId ? `Changer le référent·e du dossier ${reference}` : `Désigner le référent·e du dossier ${reference}`}
      onClick={onClick}
    >
      {item.referentId ? 'Changer' : 'Désigner'}
    </button>
  );
}
