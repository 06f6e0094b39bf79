/** bpmn-js module: live validation with the shared rule set, problems marked on the elements. */
import QualflowProblems from './QualflowProblems';

export { PROBLEMS_CHANGED } from './QualflowProblems';
export type { Problem } from './problem';

export default {
  __init__: ['qualflowProblems'],
  qualflowProblems: ['type', QualflowProblems],
};
