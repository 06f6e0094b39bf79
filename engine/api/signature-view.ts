/**
 * Signatures as shown with the records they sign: the signer's printed name, the date
 * and time and the meaning (§11.50), and whether the record still matches what was
 * signed (§11.70) — the hash over the stored content, and the content against the
 * completed task's variables. Only completed tasks show their signature.
 */
import type { z } from 'zod';
import type { Db } from './context';
import type { SignatureView } from './schemas/signature.schemas';
import { canonicalJson, recordHash } from './signature-record';
import { parseJson } from './task-view';

type View = z.output<typeof SignatureView>;
type SignatureRow = Awaited<ReturnType<Db['signature']['findMany']>>[number];
interface SignedTask {
  id: string;
  name: string;
  instanceId: string;
  variables: string;
}

/** The signatures of the completed tasks matching `where`, oldest first. */
export async function listSignatures(db: Db, where: { taskId: string } | { instanceId: string }): Promise<View[]> {
  const rows = await db.signature.findMany({ where, orderBy: { signedAt: 'asc' } });
  if (rows.length === 0) return [];
  const tasks = await db.task.findMany({
    where: { id: { in: rows.map((row) => row.taskId) }, state: 'completed' },
    select: { id: true, name: true, instanceId: true, variables: true },
  });
  const byId = new Map(tasks.map((task) => [task.id, task]));
  return rows.flatMap((row) => {
    const task = byId.get(row.taskId);
    return task ? [toView(row, task)] : [];
  });
}

function toView(row: SignatureRow, task: SignedTask): View {
  return {
    id: row.id,
    taskId: row.taskId,
    instanceId: row.instanceId,
    taskName: task.name,
    username: row.username,
    printedName: row.printedName,
    meaning: row.meaning,
    signedAt: row.signedAt.toISOString(),
    intact: isIntact(row, task),
  };
}

/** The stored content hashes to the stored hash, and the task shows what was signed. */
export function isIntact(row: SignatureRow, task: SignedTask): boolean {
  const content = parseJson<Record<string, unknown> | null>(row.content, null);
  if (!content || canonicalJson(content) !== row.content || task.instanceId !== row.instanceId) return false;
  const signed = { taskId: row.taskId, instanceId: row.instanceId, variables: content, username: row.username, meaning: row.meaning, signedAt: row.signedAt };
  if (recordHash(signed) !== row.recordHash) return false;
  const shown = parseJson<Record<string, unknown>>(task.variables, {});
  return Object.entries(content).every(([key, value]) => canonicalJson(shown[key]) === canonicalJson(value));
}
