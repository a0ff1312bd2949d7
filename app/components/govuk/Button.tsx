import { Link } from '@remix-run/react';
import type { ButtonHTMLAttributes, MouseEvent, ReactNode } from 'react';

const VARIANTS = {
  primary: 'bg-success text-white shadow-[0_2px_0_#002d18] hover:bg-[#005a30]',
  secondary: 'bg-surface text-ink shadow-[0_2px_0_#929191] hover:bg-[#dbdad9]',
  warning: 'bg-danger text-white shadow-[0_2px_0_#55150b] hover:bg-[#aa2a16]',
} as const;

export type ButtonVariant = keyof typeof VARIANTS;

export function buttonClass(variant: ButtonVariant = 'primary') {
  return `mb-8 inline-block px-3 py-2 text-center text-base leading-tight no-underline md:text-lg ${VARIANTS[variant]}`;
}

type ButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className' | 'style'> & {
  variant?: ButtonVariant;
  /** While a submission is under way (from useNavigation): shows `pendingText` and ignores further presses. */
  pending?: boolean;
  pendingText?: ReactNode;
  children: ReactNode;
};

export function Button({
  variant = 'primary',
  pending = false,
  pendingText,
  type = 'submit',
  onClick,
  children,
  ...buttonProps
}: ButtonProps) {
  // aria-disabled rather than disabled, so the button keeps focus and a screen reader still finds it.
  const ignoreWhilePending = (event: MouseEvent<HTMLButtonElement>) => {
    if (pending) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <button
      {...buttonProps}
      type={type}
      onClick={ignoreWhilePending}
      aria-disabled={pending ? true : undefined}
      className={`${buttonClass(variant)} ${pending ? 'cursor-progress opacity-60' : ''}`}
    >
      {pending && pendingText ? pendingText : children}
    </button>
  );
}

/** A link that looks like a button, for a call to action such as "Start now". */
export function ButtonLink({ to, variant = 'primary', children }: { to: string; variant?: ButtonVariant; children: ReactNode }) {
  const keepTextColour = variant === 'secondary' ? 'visited:text-ink hover:text-ink' : 'visited:text-white hover:text-white';
  return (
    <Link to={to} draggable={false} className={`${buttonClass(variant)} ${keepTextColour} hover:no-underline`}>
      {children}
    </Link>
  );
}
