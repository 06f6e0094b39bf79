/** The "Electronic signature" group of a user task: `qualflow:signatureRequired` and `qualflow:signatureMeaning`. */
import { Group } from '@bpmn-io/properties-panel';
import { setAttribute } from './extension-elements';
import { fieldEntry } from './field-entry';

/** The group, for user tasks only. */
export function signatureGroup() {
  return {
    id: 'qualflow-signature',
    label: 'Electronic signature',
    component: Group,
    entries: [
      fieldEntry({
        id: 'qualflow-signatureRequired',
        label: 'Require an electronic signature (21 CFR Part 11)',
        checkbox: true,
        get: (element) => element.businessObject.get('qualflow:signatureRequired') === true,
        set: (injector, element, value) => setAttribute(injector, element, element.businessObject, 'qualflow:signatureRequired', value === true ? true : undefined),
      }),
      fieldEntry({
        id: 'qualflow-signatureMeaning',
        label: 'Meaning of the signature',
        description: 'e.g. approved, reviewed; the signer picks from these',
        get: (element) => element.businessObject.get('qualflow:signatureMeaning'),
        set: (injector, element, value) => setAttribute(injector, element, element.businessObject, 'qualflow:signatureMeaning', value),
      }),
    ],
  };
}
