import { Outlet } from '@remix-run/react';

/** Pages anyone can see without signing in. */
export default function PublicLayout() {
  return (
    <main id="main-content" tabIndex={-1} className="govuk-width-container block py-8 md:py-10">
      <Outlet />
    </main>
  );
}
