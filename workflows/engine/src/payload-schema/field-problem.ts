/** A text shown to people, in the two languages of the service's users and partners. */
export interface Bilingual {
  fr: string;
  en: string;
}

/** One wrong field: its dotted path, why in English (`reason`, stable for clients) and in French. */
export interface FieldProblem {
  field: string;
  reason: string;
  reasonFr: string;
}

/** Records a problem at a path ('' is the payload itself) and answers undefined, for `return problemAt(...)`. */
export function problemAt(problems: FieldProblem[], path: string, message: Bilingual): undefined {
  problems.push({ field: path || '(body)', reason: message.en, reasonFr: message.fr });
  return undefined;
}
