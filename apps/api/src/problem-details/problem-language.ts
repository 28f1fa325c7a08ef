import { refusalMessageFr } from '../../../../workflows/trajectory/src/refusal-messages.fr';
import { HTTP_PROBLEM_MESSAGES_FR } from './http-problem-messages.fr';
import type { ProblemDetails } from './problem-details';

/** True when the caller ranks French above English (Accept-Language: fr, fr-FR, "fr;q=0.9, en;q=0.8"...). */
export function prefersFrench(acceptLanguage: string | string[] | undefined): boolean {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage;
  if (!header) return false;
  let best: { lang: string; q: number } | undefined;
  for (const part of header.split(',')) {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? '1');
    const lang = tag.split('-')[0];
    if ((lang === 'fr' || lang === 'en' || lang === '*') && Number.isFinite(q) && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang === 'fr';
}

/**
 * A refusal in the caller's language: in French, `detail` is the code's French sentence and the
 * engine's English reason (which names the dates and values involved) moves to `detailEn`.
 * Codes without a French sentence, and English callers, get the problem unchanged.
 */
export function localiseProblem(problem: ProblemDetails, acceptLanguage: string | string[] | undefined): ProblemDetails {
  if (!prefersFrench(acceptLanguage)) return problem;
  const french = refusalMessageFr(problem.code) ?? HTTP_PROBLEM_MESSAGES_FR[problem.code];
  return french ? { ...problem, detail: french, detailEn: problem.detail } : problem;
}
