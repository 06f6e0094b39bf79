/**
 * `qualflow:set-variables`: returns every header as a variable. A header value that is
 * JSON (`true`, `42`, `["a"]`) is parsed; anything else stays a string.
 */
import type { Variables } from '../../workflows/contract';
import type { ServiceTaskHandler } from './types';

export const setVariablesHandler: ServiceTaskHandler = async ({ headers }) => {
  const variables: Variables = {};
  for (const [name, value] of Object.entries(headers)) variables[name] = parseValue(value);
  return variables;
};

function parseValue(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
