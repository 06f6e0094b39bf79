/**
 * Process definitions: BPMN XML compiled and stored as numbered versions per process
 * key. Redeploying the diagram the latest version came from changes nothing.
 */
import { createHash, randomUUID } from 'node:crypto';
import { compile } from '../compiler/index';
import { isDmnDocument } from '../dmn/detect';
import type { ProcessModel } from '../../workflows/model';
import type { Db } from './context';
import { notFound } from './errors';
import { deployDecisions, type DecisionDeployResult } from './decision.service';
import { activateStartEvents, type StartEventDeps } from './start-events';
import { checkProcessCalendar } from './calendar.service';
import { SANDBOX_PREFIX } from './designer-sandbox';
import { ownerOf } from './process-grant.service';

export interface DefinitionSummary {
  id: string;
  key: string;
  version: number;
  name: string;
}

export interface Diagnostic {
  elementId: string;
  message: string;
}

export type DeployResult =
  | { ok: true; definition: DefinitionSummary; /** false when the same XML was already the latest version */ created: boolean; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

const summarySelect = { id: true, key: true, version: true, name: true } as const;
const viewSelect = { ...summarySelect, deployedBy: true, owner: true, createdAt: true } as const;

export interface DeployOptions {
  /** Shared by every resource deployed in one request; a fresh one when absent. */
  deploymentId?: string;
  /** Temporal, for the schedules of timer start events (without it none are made). */
  temporal?: Pick<StartEventDeps, 'temporal' | 'taskQueue' | 'log'>;
}

/**
 * Compiles `xml` and stores it as the next version of its process key. Returns the
 * compiler's errors instead when it does not compile. Idempotent: XML identical to the
 * latest version of its key returns that version with `created: false`.
 */
export async function deployDefinition(db: Db, xml: string, deployedBy?: string, options: DeployOptions = {}): Promise<DeployResult> {
  const result = await compile(xml);
  if (result.model) result.errors.push(...(await checkProcessCalendar(db, result.model)));
  if (!result.model || result.errors.length > 0) {
    return { ok: false, errors: result.errors, warnings: result.warnings };
  }
  const model = result.model;
  const hash = createHash('sha256').update(xml).digest('hex');
  for (let attempt = 0; ; attempt++) {
    const latest = await db.definition.findFirst({ where: { key: model.id }, orderBy: { version: 'desc' } });
    if (latest && latest.hash === hash) {
      return { ok: true, definition: pick(latest), created: false, warnings: result.warnings };
    }
    try {
      const created = await db.definition.create({
        data: {
          key: model.id,
          version: (latest?.version ?? 0) + 1,
          name: model.name || model.id,
          xml,
          model: JSON.stringify(model),
          hash,
          deployedBy: deployedBy ?? null,
          versionTag: model.versionTag ?? null,
          owner: model.owner ?? null,
          deploymentId: options.deploymentId ?? randomUUID(),
        },
        select: summarySelect,
      });
      await activateStartEvents({ db, ...options.temporal }, created);
      return { ok: true, definition: created, created: true, warnings: result.warnings };
    } catch (err) {
      // Someone deployed the same key at the same moment: take the next number.
      if ((err as { code?: string }).code !== 'P2002' || attempt >= 3) throw err;
    }
  }
}

/** What deploying any resource gives: a BPMN process definition or the decisions of a DMN file. */
export type ResourceDeployResult = ({ resource: 'bpmn' } & DeployResult) | ({ resource: 'dmn' } & DecisionDeployResult);

/**
 * Deploys BPMN or DMN XML, told apart by the namespace of the root element: a DMN file
 * stores its decisions, anything else is compiled as a BPMN diagram.
 */
export async function deployResource(db: Db, xml: string, deployedBy?: string, options: DeployOptions = {}): Promise<ResourceDeployResult> {
  if (isDmnDocument(xml)) return { resource: 'dmn', ...(await deployDecisions(db, xml, deployedBy, options)) };
  return { resource: 'bpmn', ...(await deployDefinition(db, xml, deployedBy, options)) };
}

function pick(row: DefinitionSummary): DefinitionSummary {
  return { id: row.id, key: row.key, version: row.version, name: row.name };
}

/** A version as the API shows it, with its owner as process-grant.service.ts decides it. */
function withOwner<T extends { owner: string | null; deployedBy: string | null }>(row: T): T {
  return { ...row, owner: ownerOf(row) };
}

/** The latest version of every process key, by key (try-it sandboxes left out). */
export async function listLatestDefinitions(db: Db) {
  const rows = await db.definition.findMany({
    where: { key: { not: { startsWith: SANDBOX_PREFIX } } },
    select: viewSelect,
    distinct: ['key'],
    orderBy: [{ key: 'asc' }, { version: 'desc' }],
  });
  return rows.map(withOwner);
}

/** Every version of `key`, newest first. Throws HttpError 404 when the key is unknown. */
export async function listDefinitionVersions(db: Db, key: string) {
  const rows = await db.definition.findMany({ where: { key }, select: viewSelect, orderBy: { version: 'desc' } });
  if (rows.length === 0) throw notFound(`No process "${key}" is deployed`);
  return rows.map(withOwner);
}

/** The stored definition of `key` (the given version, or the latest); 404 when none. */
export async function findDefinition(db: Db, key: string, version?: number) {
  const row = await db.definition.findFirst({
    where: version === undefined ? { key } : { key, version },
    orderBy: { version: 'desc' },
  });
  if (!row) {
    throw notFound(version === undefined ? `No process "${key}" is deployed` : `Process "${key}" has no version ${version}`);
  }
  return row;
}

export function parseModel(stored: string): ProcessModel {
  return JSON.parse(stored) as ProcessModel;
}
