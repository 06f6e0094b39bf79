import { parseUnaryTests } from 'feelin';
import { FEEL_DIALECT } from '../../workflows/feel';
import { EXTENSION_FUNCTION_NAMES } from '../../workflows/feel-functions';

const knownNames: Record<string, null> = Object.fromEntries(EXTENSION_FUNCTION_NAMES.map((name) => [name, null]));

/**
 * The syntax problem in FEEL unary tests (a decision table input entry such as `[1..10]`,
 * `"a","b"`, `not("x")`, `> 5`), or undefined when they parse. Empty and `-` match anything.
 * Only parsed, never evaluated.
 */
export function unaryTestsSyntaxError(tests: string): string | undefined {
  const text = tests.trim();
  if (text === '' || text === '-') return undefined;
  let problem: string | undefined;
  parseUnaryTests(text, knownNames, FEEL_DIALECT).iterate({
    enter(node) {
      if (problem !== undefined) return false;
      if (!node.type.isError) return undefined;
      problem = node.from === node.to
        ? `the test is incomplete ${node.from >= text.length ? 'at the end' : `at character ${node.from + 1}`}`
        : `unexpected "${text.slice(node.from, node.to)}" at character ${node.from + 1}`;
      return false;
    },
  });
  return problem;
}
