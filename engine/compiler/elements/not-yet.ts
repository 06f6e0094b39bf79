import type { ElementKind } from '../../../workflows/model';
import { describe } from '../labels';
import type { Transformer } from '../transformer';

/** Transformer of a kind the compiler does not build yet: "... is not supported yet". */
export function notYet<K extends ElementKind>(): Transformer<K> {
  return {
    ioMapping: 'none',
    extensions: [],
    transform(element, _common, { diagnostics }) {
      diagnostics.error(element, `${describe(element)} is not supported yet`);
      return undefined;
    },
  };
}
