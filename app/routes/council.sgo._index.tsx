import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { SgoCaseList } from '~/components/sgo/SgoCaseList';
import { handleDomainErrors } from '~/lib/http.server';
import { requireViewer } from '~/modules/auth/access.server';
import { listSgoCasesForViewer } from '~/modules/kinship/sgo-cases.server';

export const meta: MetaFunction = () => [{ title: 'Special guardianship support – Foster for East Midlands' }];

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'council' });
    return listSgoCasesForViewer(viewer);
  });

export default function CouncilSgoCases() {
  return <SgoCaseList list={useLoaderData<typeof loader>()} />;
}
