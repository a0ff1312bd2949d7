import type { Prisma } from '~/generated/prisma/client';
import { addDays } from './dates';
import { ADULT_FIRST_NAMES, CHILD_FIRST_NAMES, INVENTED_SURNAMES, STREET_SUFFIXES, exampleEmail } from './names';
import type { Random } from './random';

// The people in a household and how to reach them. Everyone is invented (names.ts).

export type Identity = {
  surname: string;
  firstName: string;
  email: string;
  addressLine1: string;
  preferredContactTime: string | null;
  people: Prisma.PersonCreateManyInput[];
};

type IdentityOptions = {
  householdId: string;
  householdNumber: number;
  enquiryDate: string;
  phone: string | null;
  kinship: boolean;
  createdAt: Date;
  /** Fixed names and email for the household of an applicant who signs in (demo-logins.ts). */
  fixed?: { firstName: string; surname: string; email: string; userId: string };
};

const LANGUAGES = [
  ['English', 90],
  ['Punjabi', 3],
  ['Polish', 3],
  ['Urdu', 2],
  ['Slovak', 1],
  ['British Sign Language', 1],
] as const;

const CONTACT_TIMES = [
  ['Weekday evenings', 4],
  ['Mornings', 2],
  ['Any time', 3],
  ['After 3pm', 2],
  ['Weekends', 1],
] as const;

function dateOfBirth(random: Random, enquiryDate: string, minAge: number, maxAge: number): string {
  return addDays(enquiryDate, -Math.round((random.int(minAge, maxAge) + random.next()) * 365.25));
}

export function buildIdentity(random: Random, options: IdentityOptions): Identity {
  const { householdId, householdNumber, enquiryDate, phone, kinship, createdAt, fixed } = options;
  const surname = fixed?.surname ?? random.pick(INVENTED_SURNAMES);
  const firstName = fixed?.firstName ?? random.pick(ADULT_FIRST_NAMES);
  const email = fixed?.email ?? exampleEmail(firstName, surname, householdNumber);
  const language = random.weighted(LANGUAGES);
  const people: Prisma.PersonCreateManyInput[] = [];
  const person = (role: string, first: string, last: string, extra: Partial<Prisma.PersonCreateManyInput>) => {
    people.push({
      id: `${householdId.replace('seed-hh-', 'seed-person-')}-${people.length + 1}`,
      householdId,
      role,
      firstName: first,
      lastName: last,
      preferredLanguage: language === 'British Sign Language' ? 'English' : language,
      interpreterNeeded: language !== 'English' && language !== 'British Sign Language' && random.chance(0.4),
      bslNeeded: language === 'British Sign Language',
      createdAt,
      updatedAt: createdAt,
      ...extra,
    });
  };

  // Kinship carers are often grandparents, so older on average (DOMAIN.md §3.1).
  const [minAge, maxAge] = kinship ? [32, 68] : [25, 62];
  person('applicant', firstName, surname, {
    dateOfBirth: dateOfBirth(random, enquiryDate, minAge, maxAge),
    email,
    phone,
    userId: fixed?.userId ?? null,
  });
  if (random.chance(kinship ? 0.45 : 0.6)) {
    const partnerFirst = random.pick(ADULT_FIRST_NAMES.filter((name) => name !== firstName));
    const partnerSurname = random.chance(0.8) ? surname : random.pick(INVENTED_SURNAMES);
    person('jointApplicant', partnerFirst, partnerSurname, {
      dateOfBirth: dateOfBirth(random, enquiryDate, minAge, maxAge),
      email: exampleEmail(partnerFirst, partnerSurname, householdNumber),
      relationship: random.pick(['Partner', 'Spouse', 'Civil partner']),
    });
  }
  const children = random.weighted([[0, 5], [1, 3], [2, 2], [3, 1]] as const);
  for (let index = 0; index < children; index += 1) {
    person('child', random.pick(CHILD_FIRST_NAMES), surname, {
      dateOfBirth: dateOfBirth(random, enquiryDate, 1, 17),
      relationship: random.pick(['Son', 'Daughter']),
    });
  }
  if (random.chance(0.12)) {
    person('adult', random.pick(ADULT_FIRST_NAMES), surname, {
      dateOfBirth: dateOfBirth(random, enquiryDate, 18, 30),
      relationship: random.pick(['Adult son', 'Adult daughter', 'Parent']),
    });
  }

  return {
    surname,
    firstName,
    email,
    addressLine1: `${random.int(1, 140)} ${random.pick(INVENTED_SURNAMES)} ${random.pick(STREET_SUFFIXES)}`,
    preferredContactTime: random.chance(0.7) ? random.weighted(CONTACT_TIMES) : null,
    people,
  };
}
