/** Writes small DMN 1.3 documents for compiler tests. */
export const DMN_NS = 'https://www.omg.org/spec/DMN/20191111/MODEL/';

export function dmn(body: string, id = 'Drg_1'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="${DMN_NS}" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="${id}" name="Test DRG" namespace="http://camunda.org/schema/1.0/dmn">
${body}
</definitions>`;
}

/** A decision with a one-input, one-output table; `rules` are `[inputEntry, outputEntry]` pairs. */
export function tableDecision(
  id: string,
  options: { hitPolicy?: string; aggregation?: string; input?: string; rules?: [string, string][]; requires?: string[]; extra?: string } = {},
): string {
  const rules = (options.rules ?? [['-', '"ok"']]).map(([test, output], index) => `
      <rule id="${id}_rule${index + 1}">
        <inputEntry id="${id}_rule${index + 1}_in"><text>${escape(test)}</text></inputEntry>
        <outputEntry id="${id}_rule${index + 1}_out"><text>${escape(output)}</text></outputEntry>
      </rule>`).join('');
  const requirements = (options.requires ?? []).map((required) => `
    <informationRequirement id="${id}_needs_${required}"><requiredDecision href="#${required}" /></informationRequirement>`).join('');
  const input = options.input === undefined ? '<inputExpression id="' + id + '_expr"><text>amount</text></inputExpression>' : options.input;
  return `
  <decision id="${id}" name="${id} decision">${options.extra ?? ''}${requirements}
    <decisionTable id="${id}_table"${options.hitPolicy ? ` hitPolicy="${options.hitPolicy}"` : ''}${options.aggregation ? ` aggregation="${options.aggregation}"` : ''}>
      <input id="${id}_input" label="Amount">${input}</input>
      <output id="${id}_output" name="result" />${rules}
    </decisionTable>
  </decision>`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
