import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { ButtonLink } from '~/components/govuk/Button';
import { PageHeading } from '~/components/govuk/PageHeading';
import { topicBySlug } from '~/modules/public-content/topics';

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? `${loaded.topic.title} – Foster for East Midlands` : 'Page not found – Foster for East Midlands' },
  ...(loaded ? [{ name: 'description', content: loaded.topic.summary }] : []),
];

export function loader({ params }: LoaderFunctionArgs) {
  const topic = topicBySlug(params.topic ?? '');
  if (!topic) throw data({ message: 'Page not found' }, { status: 404 });
  return { topic };
}

export default function FosteringTopic() {
  const { topic } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-2xl">
      <p className="mb-4">
        <Link to="/">Foster for East Midlands</Link>
      </p>
      <PageHeading>{topic.title}</PageHeading>
      <p className="mb-8 text-xl">{topic.summary}</p>
      {topic.sections.map((section) => (
        <section key={section.heading} className="mb-8">
          <h2 className="mb-4 text-2xl font-bold">{section.heading}</h2>
          {section.paragraphs.map((paragraph) => (
            <p key={paragraph} className="mb-4">
              {paragraph}
            </p>
          ))}
          {section.bullets ? (
            <ul className="mb-4 list-disc space-y-1 pl-6">
              {section.bullets.map((bullet) => (
                <li key={bullet}>{bullet}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
      <ButtonLink to="/enquire">Ask about fostering</ButtonLink>
    </div>
  );
}
