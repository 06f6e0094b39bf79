/** bpmn-js module: the replace menu offers only elements the Qualflow compiler executes. */
import ExecutableReplaceMenu from './ExecutableReplaceMenu';

export default {
  __init__: ['executableReplaceMenu'],
  executableReplaceMenu: ['type', ExecutableReplaceMenu],
};
