import type { Role } from '~/modules/auth/roles';
import type { CouncilId } from './councils';

// The demo sign-ins the README lists: one per role, council roles in Derby City (the lead authority), all staff
// sharing one password. The applicant has no password: applicants sign in by an emailed magic link.
export const DEMO_PASSWORD = 'FosterDemo2026!';

export type DemoLogin = {
  role: Role;
  email: string;
  name: string;
  councilId: CouncilId | null;
  password: string | null;
};

export const DEMO_LOGINS: readonly DemoLogin[] = [
  { role: 'hubOfficer', email: 'hub.officer@ffem.example', name: 'Rosie Fernleigh', councilId: null, password: DEMO_PASSWORD },
  { role: 'hubManager', email: 'hub.manager@ffem.example', name: 'Daniel Ashcombe', councilId: null, password: DEMO_PASSWORD },
  { role: 'socialWorker', email: 'social.worker@ffem.example', name: 'Amara Quillby', councilId: 'derby-city', password: DEMO_PASSWORD },
  { role: 'fosteringManager', email: 'fostering.manager@ffem.example', name: 'Helen Marrowfield', councilId: 'derby-city', password: DEMO_PASSWORD },
  { role: 'decisionMaker', email: 'decision.maker@ffem.example', name: 'Stephen Brackenholt', councilId: 'derby-city', password: DEMO_PASSWORD },
  { role: 'panelAdviser', email: 'panel.adviser@ffem.example', name: 'Priya Wrenwick', councilId: 'derby-city', password: DEMO_PASSWORD },
  { role: 'mockingbirdLiaison', email: 'mockingbird.liaison@ffem.example', name: 'Gemma Larkmoor', councilId: 'derby-city', password: DEMO_PASSWORD },
  { role: 'panelMember', email: 'panel.member@ffem.example', name: 'Olusegun Thistlecombe', councilId: 'derby-city', password: DEMO_PASSWORD },
  { role: 'regionalViewer', email: 'regional.viewer@ffem.example', name: 'Kwame Pennithorne', councilId: null, password: DEMO_PASSWORD },
  { role: 'administrator', email: 'administrator@ffem.example', name: 'Ruth Sallowmere', councilId: null, password: DEMO_PASSWORD },
  { role: 'applicant', email: 'applicant@ffem.example', name: 'Lucy Tamberlow', councilId: null, password: null },
];

/**
 * One applicant per browser test that signs in as an applicant, each invited to apply like the demo applicant, so
 * the tests can run alone or in any order: applicant@ffem.example stays untouched for people trying the demo.
 */
export const TEST_APPLICANT_LOGINS: readonly DemoLogin[] = [
  { role: 'applicant', email: 'applicant.application@ffem.example', name: 'Grace Pilcherwood', councilId: null, password: null },
  { role: 'applicant', email: 'applicant.magic.link@ffem.example', name: 'Nathan Quernsby', councilId: null, password: null },
  { role: 'applicant', email: 'applicant.withdraw@ffem.example', name: 'Jade Fallowmere', councilId: null, password: null },
];

/** Colleagues who own cases elsewhere: a second hub officer, and a manager, social worker and liaison per other council. */
export const COLLEAGUE_LOGINS: readonly DemoLogin[] = [
  { role: 'hubOfficer', email: 'hub.officer.2@ffem.example', name: 'Imran Yarrowdene', councilId: null, password: DEMO_PASSWORD },
  ...(
    [
      ['derbyshire', ['Claire Amberthwaite', 'Gareth Dapplewick', 'Nicola Elderbrook']],
      ['nottingham-city', ['Tariq Gorsemoor', 'Joanne Hartlewick', 'Ewa Kindlewood']],
      ['nottinghamshire', ['Mark Loamsley', 'Harpreet Mossingford', 'Susan Oakensley']],
    ] as const
  ).flatMap(([councilId, [managerName, workerName, liaisonName]]) => {
    const suffix = councilId.replace('-', '.');
    return [
      { role: 'fosteringManager', email: `fostering.manager.${suffix}@ffem.example`, name: managerName, councilId, password: DEMO_PASSWORD },
      { role: 'socialWorker', email: `social.worker.${suffix}@ffem.example`, name: workerName, councilId, password: DEMO_PASSWORD },
      { role: 'mockingbirdLiaison', email: `mockingbird.liaison.${suffix}@ffem.example`, name: liaisonName, councilId, password: DEMO_PASSWORD },
    ] satisfies DemoLogin[];
  }),
];
