import { englishStringTranslator, type FormContextType, type IconButtonProps, type RJSFSchema, type StrictRJSFSchema, type TemplatesType, type TitleFieldProps, TranslatableString } from '@rjsf/utils';

/**
 * rjsf's own list buttons are icons (glyphicons this app does not load) with an English `title`:
 * a sighted person sees an empty button and a screen reader says "Add". These say what they do in
 * French, in words on the button; the accessible name starts with those words (WCAG 2.5.3).
 */
type Button = IconButtonProps<Record<string, unknown>, RJSFSchema, FormContextType>;

function TextButton({ text, label, className, id, onClick, disabled, danger = false }: { text: string; label?: string; danger?: boolean } & Pick<Button, 'className' | 'id' | 'onClick' | 'disabled'>) {
  return (
    <button type="button" id={id} className={`secondary small ${danger ? 'danger ' : ''}${className ?? ''}`} onClick={onClick} disabled={disabled} aria-label={label}>
      {text}
    </button>
  );
}

/** `root_otherMembers_2__remove` -> 3: the place of the item in its list, counted from 1. */
function itemNumber(id: string | undefined): string {
  const match = /_(\d+)__\w+$/.exec(id ?? '');
  return match ? String(Number(match[1]) + 1) : '';
}

function AddButton({ id, className, onClick, disabled }: Button) {
  // Named "Ajouter" followed by the list's own title (rendered by rjsf as `<id>__title`).
  const titleId = (id ?? '').replace(/__add$/, '__title');
  return (
    <p className="array-add">
      <button type="button" id={id} className={`secondary small ${className ?? ''}`} onClick={onClick} disabled={disabled} aria-labelledby={`${id ?? ''} ${titleId}`}>
        + Ajouter
      </button>
    </p>
  );
}

const RemoveButton = ({ id, className, onClick, disabled }: Button) => (
  <TextButton text="Retirer" label={`Retirer l’élément ${itemNumber(id)}`} danger id={id} className={className} onClick={onClick} disabled={disabled} />
);
const MoveUpButton = ({ id, className, onClick, disabled }: Button) => (
  <TextButton text="Monter" label={`Monter l’élément ${itemNumber(id)}`} id={id} className={className} onClick={onClick} disabled={disabled} />
);
const MoveDownButton = ({ id, className, onClick, disabled }: Button) => (
  <TextButton text="Descendre" label={`Descendre l’élément ${itemNumber(id)}`} id={id} className={className} onClick={onClick} disabled={disabled} />
);
const CopyButton = ({ id, className, onClick, disabled }: Button) => (
  <TextButton text="Copier" label={`Copier l’élément ${itemNumber(id)}`} id={id} className={className} onClick={onClick} disabled={disabled} />
);
const ClearButton = ({ id, className, onClick, disabled }: Button) => <TextButton text="Effacer" id={id} className={className} onClick={onClick} disabled={disabled} />;

/** A list's items are titled "Grille d’évaluation-4" by rjsf: "Grille d’évaluation n° 4" here. */
function TitleField({ id, title, required }: TitleFieldProps<Record<string, unknown>, RJSFSchema, FormContextType>) {
  return (
    <legend id={id}>
      {title.replace(/-(\d+)$/, ' n° $1')}
      {required && (
        <span className="required" aria-hidden="true">
          *
        </span>
      )}
    </legend>
  );
}

export const FRENCH_BUTTON_TEMPLATES: Partial<TemplatesType<Record<string, unknown>, StrictRJSFSchema, FormContextType>> = {
  ButtonTemplates: { AddButton, RemoveButton, MoveUpButton, MoveDownButton, CopyButton, ClearButton } as never,
  TitleFieldTemplate: TitleField as never,
};

const FRENCH_STRINGS: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.AddButton]: 'Ajouter',
  [TranslatableString.AddItemButton]: 'Ajouter un élément',
  [TranslatableString.RemoveButton]: 'Retirer',
  [TranslatableString.MoveUpButton]: 'Monter',
  [TranslatableString.MoveDownButton]: 'Descendre',
  [TranslatableString.CopyButton]: 'Copier',
  [TranslatableString.ClearButton]: 'Effacer',
  [TranslatableString.ErrorsLabel]: 'Erreurs',
  [TranslatableString.OptionalObjectAdd]: 'Ajouter ces informations facultatives',
  [TranslatableString.OptionalObjectRemove]: 'Retirer ces informations facultatives',
  [TranslatableString.OptionalObjectEmptyMsg]: 'Aucune information',
  [TranslatableString.YesLabel]: 'Oui',
  [TranslatableString.NoLabel]: 'Non',
};

/** rjsf's remaining words in French (the English ones for anything not listed). */
export function translateToFrench(key: TranslatableString, params?: string[]): string {
  const french = FRENCH_STRINGS[key];
  return french ? englishStringTranslator(french as TranslatableString, params) : englishStringTranslator(key, params);
}

type Schema = { [keyword: string]: unknown };

/**
 * The form's layout hints, read from the schema itself: a list of choices (motives, briques...) is
 * a set of checkboxes rather than a multiple-select box few people know how to use; lists are not
 * ordered by hand (no "Monter"/"Descendre" on each item: order means nothing in these commands).
 */
export function uiSchemaFor(schema: Schema): Record<string, unknown> {
  return { 'ui:globalOptions': { orderable: false }, ...fieldHints(schema) };
}

/** Longer than a name or an address (200): a free text, written on several lines. */
const LONG_TEXT = 500;

function fieldHints(schema: Schema): Record<string, unknown> {
  const properties = schema.properties as Record<string, Schema> | undefined;
  if (!properties) return {};
  const hints: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(properties)) {
    const items = field.items as Schema | undefined;
    if (field.type === 'array' && items && Array.isArray(items.oneOf) && field.uniqueItems) hints[name] = { 'ui:widget': 'checkboxes' };
    else if (field.type === 'string' && typeof field.maxLength === 'number' && field.maxLength > LONG_TEXT) hints[name] = { 'ui:widget': 'textarea', 'ui:options': { rows: 3 } };
    else if (field.type === 'object') {
      const nested = fieldHints(field);
      if (Object.keys(nested).length) hints[name] = nested;
    } else if (field.type === 'array' && items?.type === 'object') {
      const nested = fieldHints(items);
      if (Object.keys(nested).length) hints[name] = { items: nested };
    }
  }
  return hints;
}
