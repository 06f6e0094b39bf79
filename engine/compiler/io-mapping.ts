import type { VariableMapping } from '../../workflows/model';
import type { Diagnostics } from './diagnostics';
import { findExtension } from './extensions';
import { describe } from './labels';
import { isVariableName } from './literals';
import { children, text } from './moddle-access';
import type { BpmnElement } from './types';
import { checkValue } from './value-checks';

export const VARIABLE_NAME_RULE =
  'variable names must start with a letter or an underscore, and may contain only letters, digits, underscores, and dots';

/**
 * Reads `zeebe:ioMapping` into input and output mappings, checking targets are variable
 * names and `=` sources are valid FEEL. Events only allow outputs (as in Zeebe).
 */
export function readIoMapping(
  diagnostics: Diagnostics,
  element: BpmnElement,
  options: { allowInputs: boolean },
): { inputs: VariableMapping[]; outputs: VariableMapping[] } {
  const mapping = findExtension(element, 'zeebe:IoMapping');
  const inputParameters = children(mapping, 'inputParameters');
  const outputParameters = children(mapping, 'outputParameters');
  if (!options.allowInputs && inputParameters.length > 0) {
    diagnostics.error(element, `${describe(element)} has input mappings; only tasks support input mappings`);
  }
  return {
    inputs: options.allowInputs ? readParameters(diagnostics, element, inputParameters, 'input') : [],
    outputs: readParameters(diagnostics, element, outputParameters, 'output'),
  };
}

function readParameters(
  diagnostics: Diagnostics,
  element: BpmnElement,
  parameters: BpmnElement[],
  direction: 'input' | 'output',
): VariableMapping[] {
  const mappings: VariableMapping[] = [];
  for (const parameter of parameters) {
    const target = text(parameter, 'target')?.trim();
    const source = text(parameter, 'source');
    if (target === undefined) {
      const variable = direction === 'input' ? 'local variable name' : 'process variable name';
      diagnostics.error(element, `${describe(element)} has an ${direction} mapping that must have a defined ${variable}`);
      continue;
    }
    if (!isVariableName(target)) {
      diagnostics.error(element, `${describe(element)} has an ${direction} mapping to "${target}"; ${VARIABLE_NAME_RULE}`);
      continue;
    }
    if (source === undefined) {
      // Zeebe allows an input without a value: the local variable starts as null.
      if (direction === 'input') mappings.push({ source: '=null', target });
      else diagnostics.error(element, `${describe(element)} has an output mapping to "${target}" without a value`);
      continue;
    }
    if (checkValue(diagnostics, element, `the ${direction} mapping to "${target}"`, source)) {
      mappings.push({ source, target });
    }
  }
  return mappings;
}
