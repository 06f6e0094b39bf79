/**
 * Bounds on what the DMN compiler accepts, beside the document bounds the BPMN compiler
 * applies to every upload (size, DOCTYPE, nesting depth: engine/compiler/input-limits.ts).
 */
export const DMN_LIMITS = {
  /** Most decisions in one file. */
  maxDecisions: 200,
  /** Most rules in one decision table. */
  maxRules: 5000,
  /** Most input or output columns in one decision table. */
  maxColumns: 100,
  /** Most decisions one decision may pull in through its requirements (counted with repeats). */
  maxRequiredDecisions: 500,
} as const;
