/**
 * Checks for literal (non-FEEL) values the diagram may contain: ISO 8601 durations and
 * date-times, priorities, variable names.
 */

const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(?:[.,]\d+)?S)?)?$/;

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})(\[[^\]]+\])?$/;

const VARIABLE_NAME = /^[\p{L}_][\p{L}\p{N}_]*(\.[\p{L}_][\p{L}\p{N}_]*)*$/u;

/** `PT2S`, `P3D`, `P1Y2M3DT4H5M6S`: a non-negative ISO 8601 duration. */
export function isIsoDuration(value: string): boolean {
  return ISO_DURATION.test(value.trim());
}

/** `2025-01-31T17:00:00Z`, `2025-01-31T17:00:00+01:00[Europe/Berlin]`: a date-time with a zone or offset. */
export function isIsoDateTime(value: string): boolean {
  const match = ISO_DATE_TIME.exec(value.trim());
  if (!match) return false;
  const [, , month, day, hour, minute] = match.map(Number);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59;
}

/** A whole number from 0 to 100. */
export function isPriority(value: string): boolean {
  return /^\d{1,3}$/.test(value.trim()) && Number(value) <= 100;
}

/** A process variable name: starts with a letter or underscore; letters, digits, underscores and dots. */
export function isVariableName(value: string): boolean {
  return VARIABLE_NAME.test(value);
}

/** A non-negative whole number, as `retries` must be. */
export function isWholeNumber(value: string): boolean {
  return /^\d+$/.test(value.trim());
}

const CRON_FIELD = /^[\dA-Za-z*?/,#\-LW]+$/;
const CRON_MACROS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

/**
 * A time cycle as Zeebe accepts it: an ISO 8601 repeating interval (`R5/PT10M`, `R/P1D`,
 * `R3/2026-12-01T09:00:00Z/P1D`) or a cron expression with seconds (`0 0 9 * * MON-FRI`).
 */
export function isTimeCycle(value: string): boolean {
  const trimmed = value.trim();
  const interval = /^R(\d*)\/(.+)$/.exec(trimmed);
  if (interval) {
    const parts = interval[2].split('/');
    if (parts.length === 1) return isIsoDuration(parts[0]);
    if (parts.length === 2) return (isIsoDateTime(parts[0]) && isIsoDuration(parts[1])) || (isIsoDuration(parts[0]) && isIsoDateTime(parts[1]));
    return false;
  }
  if (CRON_MACROS.has(trimmed)) return true;
  const fields = trimmed.split(/\s+/);
  return fields.length === 6 && fields.every((field) => CRON_FIELD.test(field));
}
