/**
 * A small builder for process models, so interpreter tests do not depend on the compiler.
 *
 *   const model = new ModelBuilder('review')
 *     .start('start').userTask('review', { assignee: 'alice' }).end('end')
 *     .chain('start', 'review', 'end')
 *     .build();
 */
import type {
  BoundaryEventElement,
  EndEventElement,
  ExclusiveGatewayElement,
  FlowElement,
  ProcessModel,
  ScriptTaskElement,
  SequenceFlow,
  ServiceTaskElement,
  UserTaskElement,
  VariableMapping,
} from '../../workflows/model';

interface Common {
  name?: string;
  inputs?: VariableMapping[];
  outputs?: VariableMapping[];
}

type UserTaskOptions = Common & Partial<Pick<UserTaskElement, 'assignee' | 'candidateGroups' | 'candidateUsers' | 'dueDate' | 'followUpDate' | 'priority' | 'form'>>;

export class ModelBuilder {
  private readonly elements: Record<string, FlowElement> = {};
  private readonly flows: Record<string, SequenceFlow> = {};
  private startEventId = '';

  constructor(private readonly id: string, private readonly name = id) {}

  start(id: string, options: Common = {}): this {
    this.startEventId = id;
    return this.add({ kind: 'startEvent', ...this.base(id, options) });
  }

  end(id: string, options: Common & { terminate?: boolean } = {}): this {
    const element: EndEventElement = { kind: 'endEvent', ...this.base(id, options), terminate: options.terminate ?? false };
    return this.add(element);
  }

  userTask(id: string, options: UserTaskOptions = {}): this {
    const { name, inputs, outputs, ...task } = options;
    const element: UserTaskElement = { kind: 'userTask', ...this.base(id, { name, inputs, outputs }), ...task };
    return this.add(element);
  }

  serviceTask(id: string, options: Common & { taskType: string; retries?: number; headers?: Record<string, string> }): this {
    const element: ServiceTaskElement = {
      kind: 'serviceTask',
      ...this.base(id, options),
      taskType: options.taskType,
      retries: options.retries ?? 3,
      headers: options.headers ?? {},
    };
    return this.add(element);
  }

  scriptTask(id: string, options: Common & { expression: string; resultVariable: string }): this {
    const element: ScriptTaskElement = {
      kind: 'scriptTask',
      ...this.base(id, options),
      expression: options.expression,
      resultVariable: options.resultVariable,
    };
    return this.add(element);
  }

  exclusiveGateway(id: string, options: Common = {}): this {
    const element: ExclusiveGatewayElement = { kind: 'exclusiveGateway', ...this.base(id, options) };
    return this.add(element);
  }

  parallelGateway(id: string, options: Common = {}): this {
    return this.add({ kind: 'parallelGateway', ...this.base(id, options) });
  }

  /** A timer boundary event on `attachedTo`; interrupting unless `cancelActivity: false`. */
  timerBoundary(id: string, attachedTo: string, options: Common & { duration: string; cancelActivity?: boolean }): this {
    const element: BoundaryEventElement = {
      kind: 'boundaryEvent',
      ...this.base(id, options),
      attachedTo,
      cancelActivity: options.cancelActivity ?? true,
      timer: { duration: options.duration },
    };
    this.elements[attachedTo].boundaryEvents.push(id);
    return this.add(element);
  }

  /** A sequence flow; `condition` is FEEL without `=`; `isDefault` makes it its exclusive gateway's default. */
  flow(from: string, to: string, options: { id?: string; condition?: string; isDefault?: boolean } = {}): this {
    const id = options.id ?? `${from}->${to}`;
    this.flows[id] = { id, sourceRef: from, targetRef: to, ...(options.condition ? { condition: options.condition } : {}) };
    this.elements[from].outgoing.push(id);
    this.elements[to].incoming.push(id);
    const source = this.elements[from];
    if (options.isDefault && source.kind === 'exclusiveGateway') source.defaultFlow = id;
    return this;
  }

  /** Unconditional flows between each element and the next. */
  chain(...ids: string[]): this {
    for (let index = 1; index < ids.length; index += 1) this.flow(ids[index - 1], ids[index]);
    return this;
  }

  build(): ProcessModel {
    return structuredClone({ id: this.id, name: this.name, startEventId: this.startEventId, elements: this.elements, flows: this.flows });
  }

  private base(id: string, options: Common) {
    return {
      id,
      name: options.name ?? id,
      incoming: [],
      outgoing: [],
      inputs: options.inputs ?? [],
      outputs: options.outputs ?? [],
      boundaryEvents: [],
    };
  }

  private add(element: FlowElement): this {
    this.elements[element.id] = element;
    return this;
  }
}
