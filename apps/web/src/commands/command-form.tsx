import Form from '@rjsf/core';
import type { ErrorSchema, RJSFSchema } from '@rjsf/utils';
import { useMemo, useState } from 'react';
import { parisDate } from '../../../../libs/domain/src/calendar-date';
import { ApiError, type Problem } from '../api/api-client';
import { allowedName, type CommandDescription, frenchFormSchema } from './command-catalogue';
import { FRENCH_BUTTON_TEMPLATES, translateToFrench, uiSchemaFor } from './french-form-templates';
import { frenchValidator, toErrorSchema } from './french-validator';
import { initialFormData } from './initial-form-data';
import { clearDraft, loadDraft, saveDraft } from './form-drafts';
import { refusalMessage } from './refusal-messages.fr';

type Outcome = { kind: 'refused'; problem: Problem } | { kind: 'stale' } | { kind: 'failed'; message: string };

/**
 * The form of one command, built from the schema the server validates with: each field is checked
 * before anything is sent, and a refusal is shown above the form and on the fields it names. What
 * was typed is kept (in this tab's sessionStorage, under `draftKey`) until the server accepted it:
 * a refusal, a conflict or an expired sign-in loses nothing.
 */
export function CommandForm({
  command,
  draftKey,
  send,
  onSent,
  onCancel,
  labelOf,
}: {
  command: CommandDescription;
  draftKey: string;
  /** Sends the body; rejects with ApiError when the server refuses. */
  send: (body: Record<string, unknown>) => Promise<unknown>;
  onSent: (answer: unknown) => void;
  onCancel?: () => void;
  /** The French name of another command, for "what may be done now" after a refusal. */
  labelOf: (name: string) => string;
}) {
  const schema = useMemo(() => frenchFormSchema(command.schema) as RJSFSchema, [command]);
  const uiSchema = useMemo(() => uiSchemaFor(schema as Record<string, unknown>), [schema]);
  const [formData, setFormData] = useState<Record<string, unknown>>(() => loadDraft(draftKey) ?? initialFormData(schema as Record<string, unknown>, parisDate(new Date())));
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [fieldErrors, setFieldErrors] = useState<ErrorSchema | undefined>();
  const [sending, setSending] = useState(false);

  const submit = async (data: Record<string, unknown>) => {
    setSending(true);
    setOutcome(undefined);
    setFieldErrors(undefined);
    try {
      const answer = await send(data);
      clearDraft(draftKey);
      onSent(answer);
    } catch (error) {
      if (!(error instanceof ApiError)) setOutcome({ kind: 'failed', message: 'Le serveur ne répond pas : rien n’a été enregistré. Réessayez.' });
      else if (error.problem.status === 412) setOutcome({ kind: 'stale' });
      else {
        setOutcome({ kind: 'refused', problem: error.problem });
        if (error.problem.errors?.length) setFieldErrors(serverErrorSchema(error.problem.errors, refusalMessage(error.problem)));
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      {outcome && <OutcomeMessage outcome={outcome} labelOf={labelOf} />}
      <Form
        schema={schema}
        validator={frenchValidator}
        templates={FRENCH_BUTTON_TEMPLATES}
        uiSchema={uiSchema}
        translateString={translateToFrench}
        formData={formData}
        extraErrors={fieldErrors}
        showErrorList={false}
        noHtml5Validate
        onChange={(event) => {
          const data = (event.formData ?? {}) as Record<string, unknown>;
          setFormData(data);
          saveDraft(draftKey, data);
        }}
        onSubmit={(event) => void submit((event.formData ?? {}) as Record<string, unknown>)}
      >
        <div className="dialog-buttons">
          <button type="submit" disabled={sending}>
            {sending ? 'Envoi…' : 'Enregistrer'}
          </button>
          {onCancel && (
            <button type="button" className="secondary" onClick={onCancel}>
              Annuler
            </button>
          )}
        </div>
      </Form>
    </>
  );
}

function OutcomeMessage({ outcome, labelOf }: { outcome: Outcome; labelOf: (name: string) => string }) {
  if (outcome.kind === 'stale') {
    return (
      <div role="alert" className="notice">
        <p>Quelqu’un d’autre a modifié ce dossier depuis que vous l’avez ouvert. Ce que vous avez saisi est conservé.</p>
        <button type="button" onClick={() => window.location.reload()}>
          Recharger le dossier
        </button>
      </div>
    );
  }
  if (outcome.kind === 'failed') return <p role="alert" className="error">{outcome.message}</p>;
  const allowed = (outcome.problem.allowedCommands ?? []).map((a) => labelOf(allowedName(a as never)));
  return (
    <div role="alert" className="error">
      <p>{refusalMessage(outcome.problem)}</p>
      {allowed.length > 0 && <p>Actions possibles maintenant : {allowed.join(' · ')}.</p>}
    </div>
  );
}

/** The server names fields as dotted or slashed paths ("personal.summary", "/personal/summary"). */
function serverErrorSchema(errors: { field: string; reason: string; reasonFr?: string }[], frenchSummary: string): ErrorSchema {
  return toErrorSchema(
    errors.map((error) => ({
      property: `.${error.field.replace(/^\/|^body\.?/, '').split(/[./]/).filter(Boolean).join('.')}`,
      // Without a French reason of its own, a lone field takes the refusal's French sentence.
      message: error.reasonFr ?? (errors.length === 1 ? frenchSummary : error.reason),
    })),
  );
}
