import { useEffect, useRef } from 'react';
import type { ApiClient } from '../api/api-client';
import type { CommandDescription } from './command-catalogue';
import { CommandForm } from './lazy-command-form';

/** One command on one trajectory, in a modal dialog, sent with If-Match so a stale page is caught. */
export function CommandDialog({
  api,
  trajectoryId,
  version,
  command,
  labelOf,
  onClose,
}: {
  api: ApiClient;
  trajectoryId: string;
  version: number;
  command: CommandDescription;
  labelOf: (name: string) => string;
  onClose: (changed: boolean) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} aria-labelledby="command-title" onCancel={() => onClose(false)} className="command-dialog">
      <h2 id="command-title">{command.labels.fr}</h2>
      <p>{command.descriptions.fr}</p>
      <CommandForm
        command={command}
        draftKey={`${trajectoryId}:${command.name}`}
        labelOf={labelOf}
        send={(body) => api.post(`/trajectories/${encodeURIComponent(trajectoryId)}/commands/${command.name}`, body, { 'if-match': `"${version}"` })}
        onSent={() => onClose(true)}
        onCancel={() => onClose(false)}
      />
    </dialog>
  );
}
