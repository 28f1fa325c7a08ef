import { delayProblem, type Delay } from '../../../libs/domain/src';
import { OCCUPANCY_STATUSES, POINT_MODES, POINT_PARTIES } from '../../trajectory/src/vocabulary/trajectory-terms';
import { BRIQUE_STAGES, PROGRAMME_DELAYS, type BriqueStage, type Milestone, type PointCadence, type Programme } from './programme';

/** The fields of a programme that say when things are due and where briques run (issue 17 §1-2). */
export const SCHEDULE_FIELDS = ['delays', 'maxDurationMonths', 'briqueStages', 'pointCadences', 'milestones'] as const;

export type Fail = (field: string, reason: string, reasonFr?: string) => void;
type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const CODE = /^[a-z0-9][a-z0-9-]*$/;
const isPositiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;

const DELAY_FR: Record<string, string> = {
  'must be an object { days }, { weeks } or { months }': 'doit être un objet { days }, { weeks } ou { months }',
  'must have exactly one of days, weeks, months': 'doit avoir exactement un de days, weeks, months',
};
function checkDelay(field: string, raw: unknown, fail: Fail): raw is Delay {
  const problem = delayProblem(raw);
  if (problem) fail(field, problem, DELAY_FR[problem] ?? `${problem.split(' ')[0]} doit être un entier positif`);
  return problem === undefined;
}

function checkList<T extends string>(field: string, raw: unknown, allowed: readonly T[], fail: Fail): void {
  if (!Array.isArray(raw) || raw.length === 0) return fail(field, `must be a non-empty list of ${allowed.join(', ')}`, `doit être une liste non vide parmi ${allowed.join(', ')}`);
  raw.forEach((v: unknown, i: number) => {
    if (!allowed.includes(v as T)) fail(`${field}.${i}`, `must be one of ${allowed.join(', ')}`, `doit valoir ${allowed.join(', ')}`);
  });
}

/** The schedule part of a programme read from JSON; problems go to `fail`, the valid values are returned. */
export function validateSchedule(raw: Rec, allowedBriques: readonly string[], fail: Fail): Partial<Programme> {
  const out: Partial<Programme> = {};
  const delays = raw.delays;
  if (delays !== undefined) {
    if (!isRecord(delays)) fail('delays', 'must be an object { firstContact, diagnostic, contractSignature }', 'doit être un objet { firstContact, diagnostic, contractSignature }');
    else {
      for (const key of Object.keys(delays)) {
        if (!PROGRAMME_DELAYS.includes(key as never)) fail(`delays.${key}`, `is not a delay (${PROGRAMME_DELAYS.join(', ')})`, `n'est pas un délai (${PROGRAMME_DELAYS.join(', ')})`);
        else checkDelay(`delays.${key}`, delays[key], fail);
      }
      out.delays = structuredClone(delays) as Programme['delays'];
    }
  }
  for (const step of PROGRAMME_DELAYS) {
    const days = `${step}Days`;
    const hasDelay = isRecord(delays) && delays[step] !== undefined;
    if (raw[days] === undefined && !hasDelay) fail(days, `must be a positive whole number (or set delays.${step})`, `doit être un entier positif (ou renseignez delays.${step})`);
    else if (raw[days] !== undefined && !isPositiveInt(raw[days])) fail(days, 'must be a positive whole number', 'doit être un entier positif');
  }

  if (raw.maxDurationMonths !== undefined) {
    if (!isPositiveInt(raw.maxDurationMonths)) fail('maxDurationMonths', 'must be a positive whole number', 'doit être un entier positif');
    else if (typeof raw.durationMonths === 'number' && raw.maxDurationMonths < raw.durationMonths) {
      fail('maxDurationMonths', `must be at least durationMonths (${raw.durationMonths})`, `doit être au moins égal à durationMonths (${raw.durationMonths})`);
    } else out.maxDurationMonths = raw.maxDurationMonths;
  }

  if (raw.briqueStages !== undefined) {
    if (!isRecord(raw.briqueStages)) fail('briqueStages', 'must be an object { <brique code>: [stages] }', 'doit être un objet { <code de brique> : [étapes] }');
    else {
      for (const [code, stages] of Object.entries(raw.briqueStages)) {
        if (!allowedBriques.includes(code)) fail(`briqueStages.${code}`, 'names a brique that allowedBriques does not list', 'nomme une brique absente de allowedBriques');
        checkList<BriqueStage>(`briqueStages.${code}`, stages, BRIQUE_STAGES, fail);
      }
      out.briqueStages = structuredClone(raw.briqueStages) as Programme['briqueStages'];
    }
  }

  if (raw.pointCadences !== undefined) {
    if (!Array.isArray(raw.pointCadences)) fail('pointCadences', 'must be a list of cadences', 'doit être une liste de rythmes');
    else {
      const codes = new Set<string>();
      raw.pointCadences.forEach((c: unknown, i: number) => validateCadence(`pointCadences.${i}`, c, allowedBriques, codes, fail));
      out.pointCadences = (raw.pointCadences as Rec[]).map((c) => ({ atLeast: 1, ...structuredClone(c) }) as PointCadence);
    }
  }

  if (raw.milestones !== undefined) {
    if (!Array.isArray(raw.milestones)) fail('milestones', 'must be a list of milestones', 'doit être une liste de jalons');
    else {
      const codes = (raw.milestones as unknown[]).map((m) => (isRecord(m) ? m.code : undefined));
      raw.milestones.forEach((m: unknown, i: number) => validateMilestone(`milestones.${i}`, m, codes, i, fail));
      out.milestones = structuredClone(raw.milestones) as Milestone[];
    }
  }
  return out;
}

const CADENCE_FIELDS = ['code', 'title', 'atLeast', 'per', 'startsAfter', 'briques', 'modes', 'parties'];
function validateCadence(at: string, raw: unknown, allowedBriques: readonly string[], codes: Set<string>, fail: Fail): void {
  if (!isRecord(raw)) return fail(at, 'must be an object { code, title, atLeast, per, ... }', 'doit être un objet { code, title, atLeast, per, ... }');
  for (const key of Object.keys(raw)) if (!CADENCE_FIELDS.includes(key)) fail(`${at}.${key}`, 'is not a cadence field', "n'est pas un champ de rythme");
  if (typeof raw.code !== 'string' || !CODE.test(raw.code)) fail(`${at}.code`, 'must be a kebab-case code', 'doit être un code en kebab-case');
  else if (codes.has(raw.code)) fail(`${at}.code`, `repeats ${raw.code}`, `répète ${raw.code}`);
  else codes.add(raw.code);
  if (typeof raw.title !== 'string' || raw.title.trim() === '') fail(`${at}.title`, 'must be a non-empty string', 'doit être un texte non vide');
  if (raw.atLeast !== undefined && !isPositiveInt(raw.atLeast)) fail(`${at}.atLeast`, 'must be a positive whole number', 'doit être un entier positif');
  checkDelay(`${at}.per`, raw.per, fail);
  if (raw.startsAfter !== undefined) checkDelay(`${at}.startsAfter`, raw.startsAfter, fail);
  if (raw.briques !== undefined) {
    if (!Array.isArray(raw.briques) || raw.briques.length === 0) fail(`${at}.briques`, 'must be a non-empty list of brique codes', 'doit être une liste non vide de codes de brique');
    else
      raw.briques.forEach((b: unknown, i: number) => {
        if (typeof b !== 'string' || !allowedBriques.includes(b)) fail(`${at}.briques.${i}`, 'must be a brique of allowedBriques', 'doit être une brique de allowedBriques');
      });
  }
  if (raw.modes !== undefined) checkList(`${at}.modes`, raw.modes, POINT_MODES, fail);
  if (raw.parties !== undefined) checkList(`${at}.parties`, raw.parties, POINT_PARTIES, fail);
}

const MILESTONE_FIELDS = ['code', 'title', 'anchor', 'dueAfter', 'occupancyStatuses'];
const ANCHORS = ['saisine', 'first-contact', 'measure-start'];
function validateMilestone(at: string, raw: unknown, codes: unknown[], index: number, fail: Fail): void {
  if (!isRecord(raw)) return fail(at, 'must be an object { code, title, anchor, dueAfter }', 'doit être un objet { code, title, anchor, dueAfter }');
  for (const key of Object.keys(raw)) if (!MILESTONE_FIELDS.includes(key)) fail(`${at}.${key}`, 'is not a milestone field', "n'est pas un champ de jalon");
  if (typeof raw.code !== 'string' || !CODE.test(raw.code)) fail(`${at}.code`, 'must be a kebab-case code', 'doit être un code en kebab-case');
  else if (codes.indexOf(raw.code) !== index) fail(`${at}.code`, `repeats ${raw.code}`, `répète ${raw.code}`);
  if (typeof raw.title !== 'string' || raw.title.trim() === '') fail(`${at}.title`, 'must be a non-empty string', 'doit être un texte non vide');
  const anchor = raw.anchor;
  if (isRecord(anchor)) {
    if (Object.keys(anchor).join() !== 'milestone' || typeof anchor.milestone !== 'string' || anchor.milestone === raw.code || !codes.includes(anchor.milestone)) {
      fail(`${at}.anchor.milestone`, 'must name another milestone of this programme', 'doit nommer un autre jalon de ce programme');
    }
  } else if (!ANCHORS.includes(anchor as string)) {
    fail(`${at}.anchor`, `must be one of ${ANCHORS.join(', ')} or { milestone }`, `doit valoir ${ANCHORS.join(', ')} ou { milestone }`);
  }
  checkDelay(`${at}.dueAfter`, raw.dueAfter, fail);
  if (raw.occupancyStatuses !== undefined) checkList(`${at}.occupancyStatuses`, raw.occupancyStatuses, OCCUPANCY_STATUSES, fail);
}
