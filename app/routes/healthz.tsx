import { checkDatabase } from '~/modules/health/health.server';

export async function loader() {
  const database = await checkDatabase();
  const healthy = database === 'ok';
  return Response.json(
    { status: healthy ? 'ok' : 'error', database },
    { status: healthy ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
