import type { Prisma } from '~/generated/prisma/client';
import { prisma } from '~/lib/db.server';
import { can, householdScope } from '~/modules/auth/access.server';
import { isHubRole } from '~/modules/auth/roles';
import type { Viewer } from '~/modules/auth/viewer';
import { contactChannelLabel, contactOutcomeLabel } from '~/modules/households/casework';
import { isPipelineEventType, PIPELINE_EVENT_LABELS } from '~/modules/pipeline/event-permissions';
import { stageLabel } from '~/modules/pipeline/stages';

// A household's timeline (issue 4): every stage change, contact attempt, note and email, newest first. What each
// viewer sees follows DOMAIN.md §1.4: after handover the hub keeps stage changes and peer-support notes only;
// restricted (safeguarding) notes are for the council's assessment roles.

export const TIMELINE_LENGTH = 100;

export type TimelineEntry =
  | {
      kind: 'stageChange';
      id: string;
      at: Date;
      occurredOn: string;
      fromLabel: string | null;
      toLabel: string;
      eventLabel: string;
      byName: string | null;
      reason: string | null;
    }
  | { kind: 'contact'; id: string; at: Date; channelLabel: string; outcomeLabel: string; summary: string | null; byName: string | null }
  | { kind: 'note'; id: string; at: Date; body: string; restricted: boolean; peerSupport: boolean; byName: string | null }
  | { kind: 'email'; id: string; at: Date; templateLabel: string; status: string; sentAt: Date | null };

type Visibility = { contactsAndEmails: boolean; notes: Prisma.NoteWhereInput | null; reasons: boolean };

/** What of the timeline this viewer may see on a household they can already read. */
function visibilityFor(viewer: Viewer, household: { allocatedCouncilId: string | null }): Visibility {
  if (isHubRole(viewer.role)) {
    return household.allocatedCouncilId === null
      ? { contactsAndEmails: true, notes: { restricted: false }, reasons: true }
      : { contactsAndEmails: false, notes: { peerSupport: true, restricted: false }, reasons: false };
  }
  if (can(viewer, 'household.viewAssessment', household)) return { contactsAndEmails: true, notes: {}, reasons: true };
  return { contactsAndEmails: false, notes: null, reasons: false };
}

const EMAIL_LABELS: Record<string, string> = {
  'enquiry-received': 'Acknowledgement of the enquiry',
  'invitation-to-apply': 'Invitation to apply',
  'stage-changed': 'Progress update',
  'applicant-magic-link': 'Sign-in link',
};

function emailLabel(template: string): string {
  return EMAIL_LABELS[template] ?? template.replaceAll('-', ' ').replace(/^./, (first) => first.toUpperCase());
}

/**
 * The newest entries of every kind this viewer may see. Each query carries the viewer's scope through the household
 * relation, so a household outside it yields nothing, whoever calls this.
 */
export async function listTimelineForViewer(
  viewer: Viewer,
  household: { id: string; allocatedCouncilId: string | null },
  take = TIMELINE_LENGTH,
): Promise<TimelineEntry[]> {
  const visibility = visibilityFor(viewer, household);
  const inScope = { householdId: household.id, household: householdScope(viewer) };
  const newest = { take } as const;

  const [transitions, contacts, notes, emails] = await Promise.all([
    prisma.pipelineTransition.findMany({
      where: inScope,
      select: { id: true, fromStage: true, toStage: true, event: true, actorId: true, reason: true, occurredOn: true, occurredAt: true },
      orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      ...newest,
    }),
    visibility.contactsAndEmails
      ? prisma.contactAttempt.findMany({
          where: inScope,
          select: { id: true, occurredAt: true, channel: true, outcome: true, summary: true, byId: true },
          orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
          ...newest,
        })
      : [],
    visibility.notes
      ? prisma.note.findMany({
          where: { AND: [inScope, visibility.notes] },
          select: { id: true, createdAt: true, body: true, restricted: true, peerSupport: true, authorId: true },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          ...newest,
        })
      : [],
    // Template and status only: the address is personal data the timeline does not need.
    visibility.contactsAndEmails
      ? prisma.outboundEmail.findMany({
          where: inScope,
          select: { id: true, template: true, status: true, createdAt: true, sentAt: true },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          ...newest,
        })
      : [],
  ]);

  const names = await namesOf([
    ...transitions.map((row) => row.actorId),
    ...contacts.map((row) => row.byId),
    ...notes.map((row) => row.authorId),
  ]);
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);

  // A failed first-contact attempt is one event and one contact row; where the contact rows show, they tell it.
  const shownTransitions = visibility.contactsAndEmails
    ? transitions.filter((row) => !(row.event === 'CONTACT_ATTEMPT_FAILED' && row.fromStage === row.toStage))
    : transitions;
  const entries: TimelineEntry[] = [
    ...shownTransitions.map((row) => ({
      kind: 'stageChange' as const,
      id: row.id,
      at: row.occurredAt,
      occurredOn: row.occurredOn,
      fromLabel: row.fromStage ? stageLabel(row.fromStage) : null,
      toLabel: stageLabel(row.toStage),
      eventLabel: isPipelineEventType(row.event) ? PIPELINE_EVENT_LABELS[row.event] : row.event,
      byName: nameOf(row.actorId),
      reason: visibility.reasons ? row.reason : null,
    })),
    ...contacts.map((row) => ({
      kind: 'contact' as const,
      id: row.id,
      at: row.occurredAt,
      channelLabel: contactChannelLabel(row.channel),
      outcomeLabel: contactOutcomeLabel(row.outcome),
      summary: row.summary,
      byName: nameOf(row.byId),
    })),
    ...notes.map((row) => ({
      kind: 'note' as const,
      id: row.id,
      at: row.createdAt,
      body: row.body,
      restricted: row.restricted,
      peerSupport: row.peerSupport,
      byName: nameOf(row.authorId),
    })),
    ...emails.map((row) => ({
      kind: 'email' as const,
      id: row.id,
      at: row.createdAt,
      templateLabel: emailLabel(row.template),
      status: row.status,
      sentAt: row.sentAt,
    })),
  ];
  return newestFirst(entries).slice(0, take);
}

/** Newest first; entries at the same instant keep a fixed order, by id, so the page never shuffles. */
function newestFirst(entries: TimelineEntry[]): TimelineEntry[] {
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

async function namesOf(ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await prisma.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((user) => [user.id, user.name]));
}
