import type { MetaFunction } from '@remix-run/node';
import { Link } from '@remix-run/react';

import { ButtonLink } from '~/components/govuk/Button';
import { InsetText } from '~/components/govuk/InsetText';
import { PageHeading } from '~/components/govuk/PageHeading';
import { TOPICS } from '~/modules/public-content/topics';

export const meta: MetaFunction = () => [
  { title: 'Foster for East Midlands' },
  {
    name: 'description',
    content: 'Fostering with Derby City, Derbyshire, Nottingham City and Nottinghamshire councils.',
  },
];

export default function Landing() {
  return (
    <div className="max-w-2xl">
      <PageHeading size="xl">Foster for East Midlands</PageHeading>
      <p className="mb-4 text-xl">
        Foster for East Midlands helps people start fostering with Derby City, Derbyshire, Nottingham City and
        Nottinghamshire councils.
      </p>
      <p className="mb-4">
        Fostering means caring for a child or young person in your home when they cannot live with their own family.
        You do not need to own your home, be married or have children of your own. Single people, couples, renters
        and homeowners can all foster.
      </p>
      <InsetText>
        We will talk to you about what fostering involves before you decide anything. Asking a question does not
        commit you to applying.
      </InsetText>
      <ButtonLink to="/enquire">Ask about fostering</ButtonLink>

      <h2 className="mb-4 mt-8 text-2xl">Find out more</h2>
      <ul className="mb-8 space-y-4">
        {TOPICS.map((topic) => (
          <li key={topic.slug}>
            <Link to={`/fostering/${topic.slug}`} className="text-lg font-bold">
              {topic.title}
            </Link>
            <p className="text-muted">{topic.summary}</p>
          </li>
        ))}
      </ul>

      <h2 className="mb-4 mt-8 text-2xl">If you have already started</h2>
      <p className="mb-4">
        Applicants and staff can <Link to="/login">sign in</Link> to carry on.
      </p>
    </div>
  );
}
