import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { signOut } from '~/modules/auth/sign-in.server';

// Signing out is a POST (the "Sign out" button in every signed-in layout), so a link or an image on another
// site cannot sign anyone out. A GET changes nothing.
export function loader() {
  return redirect('/');
}

export async function action({ request }: ActionFunctionArgs) {
  return redirect('/', { headers: { 'Set-Cookie': await signOut(request) } });
}
