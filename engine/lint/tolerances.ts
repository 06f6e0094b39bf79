import type { Reporter, RuleDefinition, RuleFactory } from 'bpmnlint';
import { isIsoDuration } from '../compiler/literals';

/** What a Camunda rule reported: the element id, its message and the plugin's `data` (node, parentNode, type, ...). */
export interface CamundaReport {
  id?: string;
  message: string;
  data?: { type?: string; node?: ModdleNode; parentNode?: ModdleNode | null; property?: string; [key: string]: unknown };
}

interface ModdleNode {
  $type: string;
  $instanceOf?(type: string): boolean;
  get?(property: string): unknown;
}

/** A Camunda lint finding Qualflow deliberately accepts, and why. */
export interface Tolerance {
  /** The `bpmnlint-plugin-camunda-compat` rule name. */
  rule: string;
  /** Why Qualflow accepts what that rule refuses, for the test and the reader. */
  reason: string;
  /** True for the reports of that rule that Qualflow accepts; others still count. */
  accepts(report: CamundaReport): boolean;
}

function instanceOf(node: ModdleNode | null | undefined, type: string): boolean {
  return Boolean(node && (node.$instanceOf ? node.$instanceOf(type) : node.$type === type));
}

/**
 * Where Qualflow accepts more than Camunda 8.8's modeler lint, on purpose. The `qualflow`
 * lint configuration drops exactly these reports (the compiler's own checks still run on
 * those elements); every other Camunda error must also be a compiler error.
 */
export const TOLERATED: readonly Tolerance[] = [
  {
    rule: 'task-schedule',
    reason: 'Qualflow accepts an ISO 8601 duration (P5D) as a due or follow-up date, counted from when the task opens (Camunda only takes a date-time or an expression)',
    accepts: ({ data }) =>
      data?.type === 'camunda.expressionValueNotAllowed'
      && instanceOf(data.node, 'zeebe:TaskSchedule')
      && isIsoDuration(String(data.node?.get?.(String(data.property)) ?? '').trim()),
  },
  {
    rule: 'subscription',
    reason: 'a message throw or end event is a job that publishes the message; Qualflow (like the Zeebe engine) needs no correlation key on its message',
    accepts: ({ data }) => instanceOf(data?.parentNode, 'bpmn:ThrowEvent'),
  },
  {
    rule: 'user-task-form',
    reason: 'Qualflow shows an embedded Camunda form (formKey camunda-forms:bpmn:...) on a Camunda user task too, as Modeler versions before 8.5 wrote them',
    accepts: ({ data }) =>
      data?.type === 'camunda.propertyRequired'
      && instanceOf(data.node, 'zeebe:FormDefinition')
      && String(data.node?.get?.('formKey') ?? '').startsWith('camunda-forms:bpmn:'),
  },
];

/** A Camunda rule whose reports Qualflow accepts (per `TOLERATED`) are left out. */
export function tolerating(rule: string, factory: RuleFactory): RuleFactory {
  const tolerances = TOLERATED.filter((tolerance) => tolerance.rule === rule);
  if (tolerances.length === 0) return factory;
  return (config) => {
    const definition = factory(config);
    const filtered = (reporter: Reporter): Reporter => ({
      report(id, message, context) {
        const report = { id, message, ...(context ?? {}) } as CamundaReport;
        if (!tolerances.some((tolerance) => tolerance.accepts(report))) reporter.report(id, message, context);
      },
    });
    const { check } = definition;
    const wrapped: RuleDefinition['check'] = typeof check === 'function'
      ? (node, reporter) => check(node, filtered(reporter))
      : {
          ...(check.enter ? { enter: (node: unknown, reporter: Reporter) => check.enter!(node, filtered(reporter)) } : {}),
          ...(check.leave ? { leave: (node: unknown, reporter: Reporter) => check.leave!(node, filtered(reporter)) } : {}),
        };
    return { ...definition, check: wrapped };
  };
}
