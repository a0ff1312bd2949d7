import type { ReactNode } from 'react';

type NotificationBannerProps = {
  /** 'success' confirms something the person just did and is announced (role=alert); 'important' is not. */
  variant?: 'success' | 'important';
  title?: string;
  children: ReactNode;
};

export function NotificationBanner({ variant = 'important', title, children }: NotificationBannerProps) {
  const isSuccess = variant === 'success';
  return (
    <div
      role={isSuccess ? 'alert' : 'region'}
      aria-labelledby="notification-banner-title"
      className={`mb-8 border-[5px] ${isSuccess ? 'border-success bg-success' : 'border-brand bg-brand'}`}
    >
      <h2 id="notification-banner-title" className="px-4 pb-1 pt-0.5 text-base font-bold text-white">
        {title ?? (isSuccess ? 'Success' : 'Important')}
      </h2>
      <div className="bg-white p-4 text-lg font-bold">{children}</div>
    </div>
  );
}
