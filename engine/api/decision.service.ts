/**
 * DMN decisions: a DMN file compiled and stored as one row per decision, numbered per
 * decision id. Redeploying an unchanged file makes no new versions; a changed file gives
 * each of its decisions a new version (as Camunda versions the decisions of a changed
 * decision requirements graph). Everything one request deploys shares a deployment id.
 */
import { createHash, randomUUID } from 'node:crypto';
import { compileDmn } from '../dmn/index';
import type { Db } from './context';
import { notFound } from './errors';

export interface DecisionSummary {
  id: string;
  decisionId: string;
  version: number;
  name: string;
  versionTag: string | null;
}

export interface Diagnostic {
  elementId: string;
  message: string;
}

export type DecisionDeployResult =
  | { ok: true; deploymentId: string; decisions: DecisionSummary[]; /** false when every decision was already deployed unchanged */ created: boolean; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

const summarySelect = { id: true, decisionId: true, version: true, name: true, versionTag: true } as const;
const viewSelect = { ...summarySelect, drgId: true, deploymentId: true, deployedBy: true, createdAt: true } as const;

/**
 * Compiles a DMN file and stores each decision as its next version (in one transaction).
 * Returns the compiler's errors instead when it does not compile.
 */
export async function deployDecisions(db: Db, xml: string, deployedBy?: string, options: { deploymentId?: string } = {}): Promise<DecisionDeployResult> {
  const result = await compileDmn(xml);
  if (result.errors.length > 0 || result.decisions.length === 0 || !result.drgId) {
    return { ok: false, errors: result.errors, warnings: result.warnings };
  }
  const hash = createHash('sha256').update(xml).digest('hex');
  const deploymentId = options.deploymentId ?? randomUUID();
  for (let attempt = 0; ; attempt++) {
    try {
      const stored = await db.$transaction(async (tx) => {
        const decisions: DecisionSummary[] = [];
        let created = false;
        for (const decision of result.decisions) {
          const latest = await tx.decision.findFirst({ where: { decisionId: decision.decisionId }, orderBy: { version: 'desc' }, select: { ...summarySelect, hash: true } });
          if (latest && latest.hash === hash) {
            const { hash: _unchanged, ...summary } = latest;
            decisions.push(summary);
            continue;
          }
          created = true;
          decisions.push(await tx.decision.create({
            data: {
              decisionId: decision.decisionId,
              version: (latest?.version ?? 0) + 1,
              name: decision.name,
              drgId: result.drgId!,
              xml,
              model: JSON.stringify(decision.model),
              hash,
              versionTag: decision.versionTag ?? null,
              deploymentId,
              deployedBy: deployedBy ?? null,
            },
            select: summarySelect,
          }));
        }
        return { decisions, created };
      });
      return { ok: true, deploymentId, ...stored, warnings: result.warnings };
    } catch (err) {
      // Someone deployed the same decision at the same moment: take the next number.
      if ((err as { code?: string }).code !== 'P2002' || attempt >= 3) throw err;
    }
  }
}

/** The latest version of every decision, by decision id. */
export async function listLatestDecisions(db: Db) {
  return db.decision.findMany({
    select: viewSelect,
    distinct: ['decisionId'],
    orderBy: [{ decisionId: 'asc' }, { version: 'desc' }],
  });
}

/** Every version of the decision `decisionId`, newest first. Throws HttpError 404 when none is deployed. */
export async function listDecisionVersions(db: Db, decisionId: string) {
  const rows = await db.decision.findMany({ where: { decisionId }, select: viewSelect, orderBy: { version: 'desc' } });
  if (rows.length === 0) throw notFound(`No decision "${decisionId}" is deployed`);
  return rows;
}
