/**
 * Running instances must survive every interpreter change: the histories recorded by
 * earlier versions of the interpreter (test/interpreter/histories/<version>/, made with
 * QUALFLOW_RECORD_HISTORIES, see harness.ts) replay on today's workflow code without a
 * nondeterminism error. A change that would break them must go behind `patched()`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { testWorkflowBundle } from '../support/temporal';

const root = join(import.meta.dirname, 'histories');

function storedHistories(): { workflowId: string; history: temporal.api.history.v1.IHistory }[] {
  return readdirSync(root).flatMap((version) =>
    readdirSync(join(root, version))
      .filter((file) => file.endsWith('.bin'))
      .map((file) => ({
        workflowId: `${version}/${file}`,
        history: temporal.api.history.v1.History.decode(readFileSync(join(root, version, file))),
      })),
  );
}

describe('stored histories', () => {
  it('every history recorded by an earlier interpreter replays on the current one', async () => {
    // given
    const histories = storedHistories();
    const failures: string[] = [];

    // when
    const options = { workflowBundle: testWorkflowBundle(), replayName: 'stored-histories' };
    for await (const result of Worker.runReplayHistories(options, histories)) {
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }

    // then
    expect(histories.length).toBeGreaterThanOrEqual(20);
    expect(failures).toEqual([]);
  }, 300_000);
});
