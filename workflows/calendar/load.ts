/**
 * The run-start hook: a process that counts business time (`model.calendar` set by the
 * compiler) loads its business calendar once per run with a local activity and keeps it on
 * the runtime, where every FEEL evaluation and timer of the run finds it (`runtime.feel`).
 * Models compiled before calendars have no `calendar` and load nothing, so their histories
 * replay unchanged. After continue-as-new the next run loads it again (an edited calendar
 * applies from then on; timers already planned keep their instants).
 */
import { effectWithResult } from '../effects';
import type { InstanceRuntime } from '../runtime';

/** Loads the run's calendar when its model asks for one; resolves once it is on the runtime. */
export async function loadRunCalendar(runtime: InstanceRuntime): Promise<void> {
  const wanted = runtime.model.calendar;
  if (!wanted) return;
  runtime.calendar = await effectWithResult(runtime, 'loadCalendar', wanted.name === undefined ? {} : { name: wanted.name });
}
