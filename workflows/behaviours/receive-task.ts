/**
 * Receive task: waits for its message (name and correlation key evaluated when the task
 * is entered); the message's variables are merged when it arrives. Boundary events are
 * armed around it by the engine.
 */
import { catchEvent } from '../catching';
import { complete, type Behaviour } from './types';

export const receiveTaskBehaviour: Behaviour<'receiveTask'> = {
  run: async (context) => complete(context.element.outgoing, await catchEvent(context, context.element.message)),
};
