import {
  CAP_POLICIES,
  MONTH_BILLINGS,
  VALIDATOR_KINDS,
  type CapPolicy,
  type FunderShare,
  type MonthBilling,
  type PlannedVolumes,
  type Pricing,
  type Programme,
  type SaisineField,
  type ValidationSetting,
} from './programme';
import { SCHEDULE_FIELDS, validateSchedule } from './programme-schedule.validation';

export interface ProgrammeProblem {
  /** Dotted path, e.g. 'pricing.perMonth' or 'funderShares.1.share'. */
  field: string;
  reason: string;
  /** French, for the operator; the English reason is used when none is given. */
  reasonFr?: string;
}

export type ProgrammeValidation = { ok: true; programme: Programme } | { ok: false; problems: ProgrammeProblem[] };

export interface ValidationOptions {
  /** When given, every allowed brique must be a registered one. */
  isKnownBrique?: (code: string) => boolean;
}

const DEFAULT_RETENTION_MONTHS = 24;
const CODE = /^[a-z0-9][a-z0-9-]*$/;
const FIELDS = [
  'code',
  'title',
  'firstContactDays',
  'diagnosticDays',
  'contractSignatureDays',
  'durationMonths',
  'renewals',
  'bilanEveryMonths',
  'pointEveryMonths',
  'allowedBriques',
  'pricing',
  'yearlyCap',
  'plannedVolumes',
  'funderShares',
  'retentionMonths',
  'validation',
  'monthBilling',
  'capPolicy',
  'saisineFields',
  ...SCHEDULE_FIELDS,
];
const VALIDATOR_ID = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/;

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPositiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;
const isPositive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

/**
 * Validates a programme as read from JSON: pure, every problem listed with its field, defaults
 * applied (retentionMonths 24). Unknown fields are errors: a typo must not silently drop a rule.
 */
export function validateProgramme(raw: unknown, options: ValidationOptions = {}): ProgrammeValidation {
  const problems: ProgrammeProblem[] = [];
  const fail = (field: string, reason: string, reasonFr?: string) => problems.push({ field, reason, ...(reasonFr ? { reasonFr } : {}) });
  if (!isRecord(raw)) return { ok: false, problems: [{ field: '(root)', reason: 'must be a JSON object' }] };

  for (const key of Object.keys(raw)) if (!FIELDS.includes(key)) fail(key, 'is not a programme field');

  if (typeof raw.code !== 'string' || !CODE.test(raw.code)) fail('code', 'must be a kebab-case code (lowercase letters, digits, dashes)');
  if (typeof raw.title !== 'string' || raw.title.trim() === '') fail('title', 'must be a non-empty string');
  for (const field of ['durationMonths', 'bilanEveryMonths', 'pointEveryMonths'] as const) {
    if (!isPositiveInt(raw[field])) fail(field, 'must be a positive whole number');
  }

  if (!isRecord(raw.renewals)) fail('renewals', 'must be an object { count, months }');
  else {
    const { count, months } = raw.renewals;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) fail('renewals.count', 'must be a whole number, 0 or more');
    if (!isPositiveInt(months)) fail('renewals.months', 'must be a positive whole number');
  }

  if (!Array.isArray(raw.allowedBriques) || raw.allowedBriques.length === 0) fail('allowedBriques', 'must be a non-empty list of brique codes');
  else {
    const seen = new Set<string>();
    raw.allowedBriques.forEach((code: unknown, i: number) => {
      if (typeof code !== 'string' || code === '') fail(`allowedBriques.${i}`, 'must be a brique code');
      else if (seen.has(code)) fail(`allowedBriques.${i}`, `repeats ${code}`);
      else if (options.isKnownBrique && !options.isKnownBrique(code)) fail(`allowedBriques.${i}`, `is not a registered brique (${code})`);
      if (typeof code === 'string') seen.add(code);
    });
  }

  const schedule = validateSchedule(raw, Array.isArray(raw.allowedBriques) ? (raw.allowedBriques as string[]) : [], fail);

  // Money terms are defaults a convention copies (domain §5): each is optional, checked when given.
  if (raw.pricing !== undefined) validatePricing(raw.pricing, fail);
  if (raw.yearlyCap !== undefined && !isPositive(raw.yearlyCap)) fail('yearlyCap', 'must be a positive number');
  if (raw.monthBilling !== undefined && !(MONTH_BILLINGS as readonly unknown[]).includes(raw.monthBilling)) fail('monthBilling', `must be one of ${MONTH_BILLINGS.join(', ')}`);
  if (raw.capPolicy !== undefined && !(CAP_POLICIES as readonly unknown[]).includes(raw.capPolicy)) fail('capPolicy', `must be one of ${CAP_POLICIES.join(', ')}`);
  if (raw.saisineFields !== undefined) validateSaisineFields(raw.saisineFields, fail);

  if (raw.plannedVolumes !== undefined) {
    if (!isRecord(raw.plannedVolumes)) fail('plannedVolumes', 'must be an object');
    else
      for (const [key, value] of Object.entries(raw.plannedVolumes)) {
        if (!['diagnostics', 'measures', 'monthMeasures', 'dwellingYears'].includes(key)) fail(`plannedVolumes.${key}`, 'is not a planned volume');
        else if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) fail(`plannedVolumes.${key}`, 'must be a whole number, 0 or more');
      }
  }

  if (raw.funderShares !== undefined) validateShares(raw.funderShares, fail);
  if (raw.retentionMonths !== undefined && !isPositiveInt(raw.retentionMonths)) fail('retentionMonths', 'must be a positive whole number');

  validateValidation(raw.validation, fail);

  if (problems.length) return { ok: false, problems };
  const renewals = raw.renewals as Rec;
  return {
    ok: true,
    programme: {
      code: raw.code as string,
      title: raw.title as string,
      ...(raw.firstContactDays !== undefined ? { firstContactDays: raw.firstContactDays as number } : {}),
      ...(raw.diagnosticDays !== undefined ? { diagnosticDays: raw.diagnosticDays as number } : {}),
      ...(raw.contractSignatureDays !== undefined ? { contractSignatureDays: raw.contractSignatureDays as number } : {}),
      durationMonths: raw.durationMonths as number,
      ...schedule,
      renewals: { count: renewals.count as number, months: renewals.months as number },
      bilanEveryMonths: raw.bilanEveryMonths as number,
      pointEveryMonths: raw.pointEveryMonths as number,
      allowedBriques: [...(raw.allowedBriques as string[])],
      ...(raw.pricing !== undefined ? { pricing: structuredClone(raw.pricing) as Pricing } : {}),
      ...(raw.yearlyCap !== undefined ? { yearlyCap: raw.yearlyCap as number } : {}),
      ...(raw.plannedVolumes !== undefined ? { plannedVolumes: { ...(raw.plannedVolumes as PlannedVolumes) } } : {}),
      ...(raw.funderShares !== undefined ? { funderShares: (raw.funderShares as FunderShare[]).map((s) => ({ funder: s.funder, share: s.share })) } : {}),
      ...(raw.monthBilling !== undefined ? { monthBilling: raw.monthBilling as MonthBilling } : {}),
      ...(raw.capPolicy !== undefined ? { capPolicy: raw.capPolicy as CapPolicy } : {}),
      ...(raw.saisineFields !== undefined ? { saisineFields: structuredClone(raw.saisineFields) as Record<string, SaisineField> } : {}),
      retentionMonths: (raw.retentionMonths as number | undefined) ?? DEFAULT_RETENTION_MONTHS,
      ...(raw.validation !== undefined ? { validation: { ...(raw.validation as ValidationSetting) } } : {}),
    },
  };
}

function validateValidation(validation: unknown, fail: (field: string, reason: string) => void): void {
  if (validation === undefined) return;
  if (!isRecord(validation)) return fail('validation', 'must be an object { validatorId, validatorKind, validatorName, days }');
  for (const key of Object.keys(validation)) if (!['validatorId', 'validatorKind', 'validatorName', 'days'].includes(key)) fail(`validation.${key}`, 'is not a validation field');
  if (typeof validation.validatorId !== 'string' || !VALIDATOR_ID.test(validation.validatorId)) fail('validation.validatorId', 'must be an id (letters, digits, . _ @ -)');
  if (!(VALIDATOR_KINDS as readonly unknown[]).includes(validation.validatorKind)) fail('validation.validatorKind', `must be one of ${VALIDATOR_KINDS.join(', ')}`);
  if (typeof validation.validatorName !== 'string' || validation.validatorName.trim() === '') fail('validation.validatorName', 'must be a non-empty string');
  if (!isPositiveInt(validation.days)) fail('validation.days', 'must be a positive whole number');
}

function validatePricing(pricing: unknown, fail: (field: string, reason: string) => void): void {
  if (!isRecord(pricing)) {
    fail('pricing', 'must be an object');
    return;
  }
  const known = ['perDiagnostic', 'perMonth', 'perMeasure', 'perDwellingYear'];
  for (const key of Object.keys(pricing)) if (!known.includes(key)) fail(`pricing.${key}`, 'is not a pricing field');
  if (!known.some((k) => pricing[k] !== undefined)) fail('pricing', 'must set at least one of perDiagnostic, perMonth, perMeasure, perDwellingYear');
  for (const key of ['perDiagnostic', 'perMonth', 'perDwellingYear']) {
    if (pricing[key] !== undefined && !isPositive(pricing[key])) fail(`pricing.${key}`, 'must be a positive number');
  }
  if (pricing.perMeasure !== undefined) {
    if (!Array.isArray(pricing.perMeasure) || pricing.perMeasure.length === 0) fail('pricing.perMeasure', 'must be a non-empty list of { code, price } scales');
    else {
      const codes = new Set<string>();
      pricing.perMeasure.forEach((scale: unknown, i: number) => {
        if (!isRecord(scale)) return fail(`pricing.perMeasure.${i}`, 'must be an object { code, price }');
        if (typeof scale.code !== 'string' || scale.code === '') fail(`pricing.perMeasure.${i}.code`, 'must be a non-empty string');
        else if (codes.has(scale.code)) fail(`pricing.perMeasure.${i}.code`, `repeats ${scale.code}`);
        else codes.add(scale.code);
        if (!isPositive(scale.price)) fail(`pricing.perMeasure.${i}.price`, 'must be a positive number');
      });
    }
  }
}

function validateShares(shares: unknown, fail: (field: string, reason: string) => void): void {
  if (!Array.isArray(shares) || shares.length === 0) {
    fail('funderShares', 'must be a non-empty list of { funder, share }');
    return;
  }
  const funders = new Set<string>();
  let total = 0;
  let valid = true;
  shares.forEach((s: unknown, i: number) => {
    if (!isRecord(s)) {
      valid = false;
      return fail(`funderShares.${i}`, 'must be an object { funder, share }');
    }
    if (typeof s.funder !== 'string' || s.funder === '') fail(`funderShares.${i}.funder`, 'must be a non-empty string');
    else if (funders.has(s.funder)) fail(`funderShares.${i}.funder`, `repeats ${s.funder}`);
    else funders.add(s.funder);
    if (typeof s.share !== 'number' || !(s.share > 0 && s.share <= 1)) {
      valid = false;
      fail(`funderShares.${i}.share`, 'must be a number above 0 and at most 1');
    } else total += s.share;
  });
  // Shares are decimals written by people (0.6 + 0.4): compare with a tolerance, not exactly.
  if (valid && Math.abs(total - 1) > 1e-9) fail('funderShares', `shares must sum to 1 (they sum to ${Number(total.toFixed(6))})`);
}

const FIELD_KEY = /^[a-z][a-zA-Z0-9]{0,39}$/;
const VALUE_CODE = /^[a-z0-9][a-z0-9-]{0,59}$/;
/** Names receive-saisine already uses: a programme field may not shadow them. */
const RESERVED_FIELDS = ['programmeCode', 'conventionId', 'conventionCode', 'householdId', 'prescriber', 'motives', 'household', 'personal', 'fields'];

function validateSaisineFields(fields: unknown, fail: (field: string, reason: string) => void): void {
  if (!isRecord(fields) || Object.keys(fields).length === 0) {
    fail('saisineFields', 'must be an object of { title, values, required? } fields');
    return;
  }
  for (const [key, field] of Object.entries(fields)) {
    const at = `saisineFields.${key}`;
    if (!FIELD_KEY.test(key)) fail(at, 'must be a camelCase name (letters and digits, at most 40)');
    else if (RESERVED_FIELDS.includes(key)) fail(at, 'is a name receive-saisine already uses');
    if (!isRecord(field)) {
      fail(at, 'must be an object { title, values, required? }');
      continue;
    }
    for (const k of Object.keys(field)) if (!['title', 'values', 'required'].includes(k)) fail(`${at}.${k}`, 'is not a saisine field setting (categorical only: title, values, required)');
    if (typeof field.title !== 'string' || field.title.trim() === '') fail(`${at}.title`, 'must be a non-empty string');
    if (!Array.isArray(field.values) || field.values.length < 2) fail(`${at}.values`, 'must list at least two value codes');
    else {
      const seen = new Set<string>();
      field.values.forEach((v: unknown, i: number) => {
        if (typeof v !== 'string' || !VALUE_CODE.test(v)) fail(`${at}.values.${i}`, 'must be a kebab-case code');
        else if (seen.has(v)) fail(`${at}.values.${i}`, `repeats ${v}`);
        else seen.add(v);
      });
    }
    if (field.required !== undefined && typeof field.required !== 'boolean') fail(`${at}.required`, 'must be true or false');
  }
}
