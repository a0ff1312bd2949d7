import type { StateNode } from 'xstate';
import {
  pipelineMachine,
  type PipelineContext,
  type PipelineEvent,
  type PipelineRoute,
  type PipelineTag,
  type StageMeta,
} from './machine';

// Stage lists, labels and groups, all read from the machine's state nodes: the machine is the only list of stages
// (STYLE.md §3.1). A stage is a state a household can rest in, named by its dotted path ('assessment.stage1').

type PipelineStateNode = StateNode<PipelineContext, PipelineEvent, StageMeta>;

export type StageInfo = {
  id: string;
  meta: StageMeta;
  /** The stage's own tags plus those of its parents, as `snapshot.hasTag` sees them. */
  tags: ReadonlySet<PipelineTag>;
  /** The top-level part of the pipeline it belongs to ('enquiry', 'assessment', 'approved' …). */
  group: string;
};

function childrenOf(node: PipelineStateNode): PipelineStateNode[] {
  return Object.values(node.states) as PipelineStateNode[];
}

function describeNode(node: PipelineStateNode): StageMeta {
  if (!node.meta) throw new Error(`Pipeline state ${node.id} has no meta`);
  return node.meta;
}

function collectStages(node: PipelineStateNode, inheritedTags: PipelineTag[]): StageInfo[] {
  const tags = [...inheritedTags, ...(node.tags as PipelineTag[])];
  const children = childrenOf(node).filter((child) => child.type !== 'history');
  if (children.length > 0) return children.flatMap((child) => collectStages(child, tags));
  // A state with eventless transitions is left at once, so no household ever rests there.
  if (node.always && node.always.length > 0) return [];
  return [{ id: node.path.join('.'), meta: describeNode(node), tags: new Set(tags), group: node.path[0] }];
}

const STAGE_INFO: readonly StageInfo[] = collectStages(pipelineMachine.root, []);
const STAGE_BY_ID = new Map(STAGE_INFO.map((info) => [info.id, info]));

export const ALL_STAGES: readonly string[] = STAGE_INFO.map((info) => info.id);

export function isPipelineStage(value: string): boolean {
  return STAGE_BY_ID.has(value);
}

export function stageInfo(stage: string): StageInfo {
  const info = STAGE_BY_ID.get(stage);
  if (!info) throw new Error(`Unknown pipeline stage ${stage}`);
  return info;
}

export const stageLabel = (stage: string): string => stageInfo(stage).meta.label;
export const stageMeta = (stage: string): StageMeta => stageInfo(stage).meta;
export const stageHasTag = (stage: string, tag: PipelineTag): boolean => stageInfo(stage).tags.has(tag);
export const isOpenStage = (stage: string): boolean => stageHasTag(stage, 'open');

const stagesTagged = (tag: PipelineTag) => ALL_STAGES.filter((stage) => stageHasTag(stage, tag));

export const OPEN_STAGES = stagesTagged('open');
export const HUB_OWNED_STAGES = stagesTagged('hubOwned');
export const COUNCIL_OWNED_STAGES = stagesTagged('councilOwned');
/** Stages reached only once a full application exists (or, for kinship, panel onwards). */
export const CONVERTED_STAGES = stagesTagged('converted');
export const MAINSTREAM_STAGES = stagesTagged('mainstream');
export const KINSHIP_STAGES = stagesTagged('kinship');
export const CLOSED_STAGES = stagesTagged('closed');
export const FINAL_STAGES = ALL_STAGES.filter((stage) => !isOpenStage(stage));

export function stagesForRoute(route: PipelineRoute): readonly string[] {
  return route === 'kinship' ? KINSHIP_STAGES : MAINSTREAM_STAGES;
}

/** Top-level groups in machine order, each with its label and stages: for filters and report buckets. */
export const STAGE_GROUPS: readonly { id: string; label: string; stages: readonly string[] }[] = childrenOf(pipelineMachine.root)
  .filter((node) => node.meta)
  .map((node) => ({
    id: node.key,
    label: describeNode(node).label,
    stages: STAGE_INFO.filter((info) => info.group === node.key).map((info) => info.id),
  }));

/** The stored stage string of a snapshot: the dotted path of its single active leaf state. */
export function stageOf(snapshot: { value: unknown }): string {
  const path: string[] = [];
  let value = snapshot.value;
  while (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    if (keys.length !== 1) throw new Error('A pipeline snapshot must be in exactly one stage');
    path.push(keys[0]);
    value = (value as Record<string, unknown>)[keys[0]];
  }
  if (typeof value !== 'string') throw new Error('A pipeline snapshot has no state value');
  path.push(value);
  return path.join('.');
}
