import { PIPELINE_MACHINE_VERSION, type PipelineRoute } from './machine';
import { initialSnapshot, serialiseSnapshot } from './snapshots';
import { stageOf } from './stages';

// A new household's first stage. Besides the writer (transition.server.ts) and the bulk importer, this is the only
// code allowed to produce `stage`, `pipelineSnapshot` and `machineVersion` (tests/integration/pipeline/structure.test.ts).

export type NewPipelineColumns = { stage: string; pipelineSnapshot: string; machineVersion: number };

/**
 * The pipeline columns for a household that has just arrived. A kinship case is council-owned from creation
 * (DOMAIN.md §3.1), so its snapshot must carry the council.
 */
export function newPipelineColumns(route: PipelineRoute, options: { councilId?: string | null } = {}): NewPipelineColumns {
  if (route === 'kinship' && !options.councilId) throw new Error('A kinship case needs the council that owns it');
  const snapshot = initialSnapshot(route, { councilId: options.councilId ?? null });
  return { stage: stageOf(snapshot), pipelineSnapshot: serialiseSnapshot(snapshot), machineVersion: PIPELINE_MACHINE_VERSION };
}
