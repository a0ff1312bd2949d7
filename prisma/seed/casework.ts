import type { Prisma } from '~/generated/prisma/client';
import { isOpenStage, stageHasTag } from '~/modules/pipeline/stages';
import { addDays, nextWorkingDay } from './dates';
import type { SeededHousehold } from './households';
import { randomFor } from './random';

// The day-to-day record around the pipeline: every contact attempt the history implies, and notes and tasks on the
// open cases so that workers' lists have something due today, soon and overdue.

export type CaseworkRows = {
  contactAttempts: Prisma.ContactAttemptCreateManyInput[];
  notes: Prisma.NoteCreateManyInput[];
  tasks: Prisma.TaskCreateManyInput[];
};

const FAILED_ATTEMPTS = [
  ['phone', 'noAnswer', 'No answer; will try again at a different time'],
  ['phone', 'leftMessage', 'Left a voicemail with the hub number'],
  ['email', 'emailSent', 'Emailed the information pack and asked for a good time to call'],
  ['text', 'emailSent', 'Texted to ask for a good time to call'],
] as const;

const TASK_FOR_STAGE: Record<string, string> = {
  'enquiry.received': 'Make first contact',
  'enquiry.contacted': 'Book the initial visit',
  'enquiry.visitBooked': 'Confirm the initial visit date',
  'enquiry.visited': 'Record the initial visit outcome',
  invited: 'Chase the application form',
  'application.submitted': 'Propose an allocation',
  'application.allocation': 'Follow up the allocation with the fostering team manager',
  onHold: 'Check in about resuming',
  'assessment.stage1': 'Chase outstanding references and DBS checks',
  'assessment.stage2': 'Arrange the next Form F assessment visit',
  'assessment.readyForPanel': 'Book a panel date',
  'kinship.referral': 'Start the viability assessment',
  'kinship.viability': 'Complete the viability assessment',
  'kinship.temporaryApproval': 'Review progress against the Regulation 24 end date',
  'kinship.extension': 'Complete Form C before the extension ends',
  'kinship.fullAssessment': 'Arrange the next assessment visit',
  'panel.booked': 'Send the panel papers',
  'panel.papersSent': 'Prepare the applicants for panel',
  'decision.awaitingMinutes': 'Chase the final panel minutes',
  'decision.awaitingAdm': 'Put the case to the agency decision maker',
  'decision.qdWindow': 'Diary the end of the 28-day window',
  'decision.qdReview': 'Prepare papers for the review',
  'decision.qdFinal': 'Record the final decision',
};

const NOTES = [
  'Spoke about spare room, working hours and support network. Keen to hear more about short breaks.',
  'Household has two teenage children at home; discussed how fostering would affect them.',
  'Prefers contact after 5pm. Partner works shifts.',
  'Asked about allowances and how the skills payments work; sent the finance leaflet.',
  'Interested in caring for brothers and sisters together; has a large spare bedroom.',
];

export function buildCasework(households: readonly SeededHousehold[], asOf: string): CaseworkRows {
  const rows: CaseworkRows = { contactAttempts: [], notes: [], tasks: [] };
  for (const household of households) {
    const random = randomFor('casework', household.id);
    const number = household.id.replace('seed-hh-', '');

    for (const step of household.steps) {
      if (step.event.type !== 'CONTACT_ATTEMPT_FAILED' && step.event.type !== 'CONTACT_MADE') continue;
      const [channel, outcome, summary] =
        step.event.type === 'CONTACT_MADE' ? (['phone', 'spokeTo', 'Spoke to the enquirer; talked through the next steps'] as const) : random.pick(FAILED_ATTEMPTS);
      rows.contactAttempts.push({
        id: `seed-contact-${number}-${rows.contactAttempts.length + 1}`,
        householdId: household.id,
        occurredAt: step.occurredAt,
        channel,
        outcome,
        summary,
        byId: step.actorId,
        createdAt: step.occurredAt,
      });
    }

    if (!isOpenStage(household.stage)) continue;
    const hubCase = household.route === 'mainstream' && household.context.handoverOn === null;
    const noteCount = random.int(hubCase ? 1 : 0, 2);
    for (let index = 0; index < noteCount; index += 1) {
      const createdAt = new Date(household.lastActivityAt.getTime() + random.int(5, 60) * 60_000);
      rows.notes.push({
        id: `seed-note-${number}-${index + 1}`,
        householdId: household.id,
        body: random.pick(NOTES),
        // After handover the hub keeps supporting applicants; its buddy notes stay visible to it (DOMAIN.md §1.4).
        peerSupport: !hubCase && stageHasTag(household.stage, 'converted') && random.chance(0.5),
        authorId: hubCase || random.chance(0.3) ? household.hubOfficerId : household.ownerId,
        createdAt,
      });
    }

    const title = TASK_FOR_STAGE[household.stage];
    if (!title || (!hubCase && random.chance(0.4))) continue;
    // Due around asOf: about a third overdue, some due today, the rest in the next fortnight.
    const dueOn = nextWorkingDay(addDays(asOf, random.weighted([[random.int(-12, -1), 3], [0, 1], [random.int(1, 14), 6]] as const)));
    rows.tasks.push({
      id: `seed-task-${number}-1`,
      householdId: household.id,
      title,
      dueOn,
      ownerId: household.ownerId,
      status: 'open',
      createdById: household.ownerId,
      createdAt: household.lastActivityAt,
    });
    const firstStep = household.steps[0];
    if (firstStep && random.chance(0.5)) {
      rows.tasks.push({
        id: `seed-task-${number}-2`,
        householdId: household.id,
        title: 'Send the welcome email and information pack',
        dueOn: household.row.enquiryDate,
        ownerId: household.hubOfficerId,
        status: 'done',
        completedAt: firstStep.occurredAt,
        createdById: household.hubOfficerId,
        createdAt: household.receivedAt,
      });
    }
  }
  return rows;
}
