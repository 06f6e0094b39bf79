/**
 * Qualflow's element templates (Camunda 8 element-template JSON): ready-made steps a
 * process owner drops on a task. Each binds only settings the compiler reads, to job
 * types the worker runs (`activities/handlers`) or to FEEL the interpreter evaluates.
 */
import notify from './notify.json';
import requestESignature from './request-e-signature.json';
import setRecordStatus from './set-record-status.json';

/** One element template; the JSON files are the source, this is what the modeler reads. */
export type ElementTemplate = typeof notify | typeof requestESignature | typeof setRecordStatus;

export const QUALFLOW_ELEMENT_TEMPLATES: ElementTemplate[] = [notify, requestESignature, setRecordStatus];
