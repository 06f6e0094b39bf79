/**
 * The checks for one form-js field and its submitted value. Each returns the end of a
 * sentence (`is required`, `must be a number`) that validate.ts prefixes with the
 * field's label.
 */
import { evaluateValue, type FormComponent, optionValues } from './form-schema';

type Data = Record<string, unknown>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^(\+|00)[1-9][0-9 ]{5,24}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}(:\d{2})?([+-]\d{2}:?\d{2}|Z)?$/;

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function limit(raw: unknown, context: Data): number | undefined {
  const value = evaluateValue(raw, context);
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

/** Every problem with `value` for `field` (empty when it is fine). */
export function checkField(field: FormComponent, value: unknown, context: Data): string[] {
  const rules = field.validate ?? {};
  const required = evaluateValue(rules.required, context) === true;
  if (required && (isEmpty(value) || (field.type === 'checkbox' && value === false))) return ['is required'];
  if (isEmpty(value)) return [];
  switch (field.type) {
    case 'number':
      return checkNumber(field, value, context);
    case 'checkbox':
      return typeof value === 'boolean' ? [] : ['must be true or false'];
    case 'checklist':
    case 'taglist':
      return checkMany(field, value, context);
    case 'radio':
    case 'select':
      return checkOne(field, value, context);
    case 'textfield':
    case 'textarea':
      return checkText(field, value, context);
    case 'datetime':
      return checkDateTime(field, value);
    default:
      return [];
  }
}

function checkNumber(field: FormComponent, value: unknown, context: Data): string[] {
  const asString = field.serializeToString === true && typeof value === 'string' && value.trim() !== '';
  const number = asString ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) return ['must be a number'];
  const problems: string[] = [];
  const min = limit(field.validate?.min, context);
  const max = limit(field.validate?.max, context);
  if (min !== undefined && number < min) problems.push(`must be at least ${min}`);
  if (max !== undefined && number > max) problems.push(`must be at most ${max}`);
  if (field.decimalDigits === 0 && !Number.isInteger(number)) problems.push('must be a whole number');
  return problems;
}

function checkOne(field: FormComponent, value: unknown, context: Data): string[] {
  if (typeof value === 'object') return ['must be one of its options'];
  const options = optionValues(field, context);
  return options && !options.includes(value) ? [`must be one of: ${options.map(String).join(', ')}`] : [];
}

function checkMany(field: FormComponent, value: unknown, context: Data): string[] {
  if (!Array.isArray(value)) return ['must be a list'];
  const options = optionValues(field, context);
  if (!options) return [];
  const unknown = value.filter((item) => !options.includes(item));
  return unknown.length > 0 ? [`has values that are not options: ${unknown.map(String).join(', ')}`] : [];
}

function checkText(field: FormComponent, value: unknown, context: Data): string[] {
  if (typeof value !== 'string') return ['must be text'];
  const rules = field.validate ?? {};
  const problems: string[] = [];
  const length = value.trim().length;
  const minLength = limit(rules.minLength, context);
  const maxLength = limit(rules.maxLength, context);
  if (minLength !== undefined && length < minLength) problems.push(`must have at least ${minLength} characters`);
  if (maxLength !== undefined && length > maxLength) problems.push(`must have at most ${maxLength} characters`);
  if (typeof rules.pattern === 'string' && rules.pattern && !matches(rules.pattern, value)) {
    problems.push(`must match the pattern ${rules.pattern}`);
  }
  if (rules.validationType === 'email' && !EMAIL.test(value)) problems.push('must be an email address');
  if (rules.validationType === 'phone' && !PHONE.test(value)) problems.push('must be a phone number in international format');
  return problems;
}

function matches(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern).test(value);
  } catch {
    return true;
  }
}

function checkDateTime(field: FormComponent, value: unknown): string[] {
  if (typeof value !== 'string') return ['must be a date or time as text'];
  const subtype = field.subtype ?? 'date';
  if (subtype === 'date' && !DATE.test(value)) return ['must be a date (YYYY-MM-DD)'];
  if (subtype === 'time' && !TIME.test(value)) return ['must be a time (HH:mm)'];
  if (subtype === 'datetime' && Number.isNaN(Date.parse(value))) return ['must be a date and time'];
  return [];
}
