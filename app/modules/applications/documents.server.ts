import { prisma } from '~/lib/db.server';
import { householdScope } from '~/modules/auth/access.server';
import type { Viewer } from '~/modules/auth/viewer';
import { documentsFor, type DocumentItem } from './documents';
import { findSection, type SectionAnswers } from './sections';

// The "documents and training dates" part of the applicant's own page (issue 5). Read through householdScope, so an
// applicant only ever sees their own household's; check outcomes and notes are never selected.

const TRAINING_SECTION = 'training-availability';

export type ApplicantTraining = {
  /** The times they told us they could go to preparation training, in words; empty when not answered yet. */
  availableTimes: string[];
  /** Training, Support and Development Standards, once approved (DOMAIN.md §4): due by, and completed on. */
  standards: { dueOn: string | null; metOn: string | null } | null;
};

export type DocumentsAndTraining = {
  applicationSentOn: Date | null;
  documents: DocumentItem[];
  training: ApplicantTraining;
};

function trainingTimesIn(answers: SectionAnswers): string[] {
  const question = findSection(TRAINING_SECTION)?.questions.find((candidate) => candidate.name === 'trainingTimes');
  if (!question || question.kind !== 'checkboxes' || !answers.trainingTimes) return [];
  const chosen = answers.trainingTimes.split(',');
  return question.options.filter((option) => chosen.includes(option.value)).map((option) => option.label);
}

/** Null when the viewer has no household. */
export async function getDocumentsAndTraining(viewer: Viewer): Promise<DocumentsAndTraining | null> {
  const household = await prisma.household.findFirst({
    where: householdScope(viewer),
    select: {
      checks: { select: { type: true, requestedOn: true, receivedOn: true }, orderBy: { createdAt: 'asc' }, take: 100 },
      application: {
        select: {
          submittedAt: true,
          sections: { where: { section: TRAINING_SECTION, personKey: 'household' }, select: { answersJson: true }, take: 1 },
        },
      },
      approvals: {
        where: { status: 'active' },
        select: { tsdDueOn: true, tsdMetOn: true },
        orderBy: { approvedOn: 'desc' },
        take: 1,
      },
    },
    orderBy: [{ enquiryReceivedAt: 'desc' }, { id: 'desc' }],
  });
  if (!household) return null;
  const trainingAnswers = household.application?.sections[0];
  const approval = household.approvals[0];
  return {
    applicationSentOn: household.application?.submittedAt ?? null,
    documents: documentsFor(household.checks),
    training: {
      availableTimes: trainingAnswers ? trainingTimesIn(JSON.parse(trainingAnswers.answersJson) as SectionAnswers) : [],
      standards: approval ? { dueOn: approval.tsdDueOn, metOn: approval.tsdMetOn } : null,
    },
  };
}
