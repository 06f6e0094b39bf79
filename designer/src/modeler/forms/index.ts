/**
 * bpmn-js module: links user tasks to the form editor from the properties panel ("Edit
 * form" / "Create form" in the task's Form group). Include it after the properties panel
 * modules.
 */
import FormLink from './FormLink';
import FormLinkProvider from './FormLinkProvider';
import './form-link.css';

export default {
  __init__: ['qualflowFormLinkProvider'],
  qualflowFormLink: ['type', FormLink],
  qualflowFormLinkProvider: ['type', FormLinkProvider],
};
