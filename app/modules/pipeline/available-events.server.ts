import { todayInLondon } from '~/lib/uk';
import type { Viewer } from '~/modules/auth/viewer';
import { payloadFieldNames, PIPELINE_EVENT_TYPES, type PipelineEvent, type PipelineEventType } from './events';
import { maySendEvent, PIPELINE_EVENT_LABELS } from './event-permissions';
import { restoreSnapshot, type PipelineSnapshot } from './snapshots';

// What the case page offers (STYLE.md §3.3): the events this viewer may send that the machine accepts now. The
// action still goes through applyPipelineEvent, because the page may be stale by the time the form comes back.

export type AvailableEvent = {
  type: PipelineEventType;
  label: string;
  /** Payload fields the event needs besides its date: none means a plain button, otherwise a small form. */
  fields: string[];
};

type HouseholdPipeline = { pipelineSnapshot: string; machineVersion: number };

/**
 * Guards read only the household's context (STYLE.md §3.1), so an event carrying just its type and a date is enough
 * to ask the machine; the cast stands in for payload fields that no guard reads.
 */
function probeEvent(type: PipelineEventType, occurredOn: string): PipelineEvent {
  return { type, occurredOn } as PipelineEvent;
}

export function availableEventsAt(viewer: Viewer, snapshot: PipelineSnapshot, today = todayInLondon()): AvailableEvent[] {
  return PIPELINE_EVENT_TYPES.filter(
    (type) => maySendEvent(viewer, type, snapshot.context) && snapshot.can(probeEvent(type, today)),
  ).map((type) => ({ type, label: PIPELINE_EVENT_LABELS[type], fields: payloadFieldNames(type) }));
}

export function listAvailableEvents(viewer: Viewer, household: HouseholdPipeline): AvailableEvent[] {
  return availableEventsAt(viewer, restoreSnapshot(household.pipelineSnapshot, household.machineVersion));
}
