import { stageInfo } from '~/modules/pipeline/stages';

// What an applicant reads under "What happens next", one plain-English sentence per part of the pipeline
// (DOMAIN.md §2.2). Keyed by the machine's top-level groups, so each new stage inside a group is covered at once.
const NEXT_STEP_BY_GROUP: Record<string, string> = {
  enquiry: 'Someone from our team will contact you to talk about fostering and, if you would like to, arrange a visit.',
  invited: 'When you are ready, fill in your application form and send it to us.',
  application: 'We are passing your application to the council that will assess you, who will be in touch.',
  assessment: 'Your social worker will carry out checks and meet you to complete your assessment.',
  kinship: 'Your social worker will carry out your assessment and keep you up to date.',
  panel: 'Your assessment will go to the fostering panel, and your social worker will tell you the date.',
  decision: 'The council will write to you with its decision after the panel.',
  onHold: 'Your application is paused; contact us whenever you are ready to carry on.',
  approved: 'You are approved as a foster carer, and your supervising social worker will support you from here.',
  closed: 'Your application has closed; contact us if you would like to talk about fostering again.',
  transferredOut: 'Your application has moved to another fostering service, who will contact you about the next step.',
};

const FALLBACK = 'We will contact you about the next step.';

export function applicantNextStep(stage: string): string {
  return NEXT_STEP_BY_GROUP[stageInfo(stage).group] ?? FALLBACK;
}
