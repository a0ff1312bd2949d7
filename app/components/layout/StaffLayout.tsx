import { Form, NavLink } from '@remix-run/react';
import type { ReactNode } from 'react';

export type StaffNavItem = {
  to: string;
  label: string;
  /** Mark as current only on this exact path: use for an area's home page, whose path prefixes all the others. */
  end?: boolean;
};

type StaffLayoutProps = {
  areaLabel: string;
  nav: readonly StaffNavItem[];
  viewerName: string;
  roleLabel: string;
  children: ReactNode;
};

/**
 * The band under the service header for a signed-in area (hub, council, reports, admin, apply), and the main
 * landmark that the skip link targets. It only lays out: each loader in the area still authenticates itself.
 */
export function StaffLayout({ areaLabel, nav, viewerName, roleLabel, children }: StaffLayoutProps) {
  return (
    <>
      <div className="border-b-[10px] border-brand bg-surface">
        <div className="govuk-width-container flex flex-col gap-3 py-3 md:flex-row md:items-center md:justify-between">
          <p className="font-bold">{areaLabel}</p>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-base">
            <p>
              <span className="sr-only">Signed in as </span>
              <span className="font-bold">{viewerName}</span> <span className="text-muted">({roleLabel})</span>
            </p>
            <Form method="post" action="/logout">
              <button type="submit" className="text-brand underline underline-offset-[0.15em] hover:text-brand-dark hover:decoration-[3px]">
                Sign out
              </button>
            </Form>
          </div>
        </div>
        <nav aria-label={areaLabel} className="govuk-width-container">
          <ul className="flex flex-wrap gap-x-6">
            {nav.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  end={item.end}
                  className={({ isActive }) =>
                    `inline-block border-b-4 py-2 font-bold no-underline visited:text-brand ${
                      isActive ? 'border-brand text-ink visited:text-ink' : 'border-transparent'
                    }`
                  }
                >
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <main id="main-content" tabIndex={-1} className="govuk-width-container block py-8 md:py-10">
        {children}
      </main>
    </>
  );
}
