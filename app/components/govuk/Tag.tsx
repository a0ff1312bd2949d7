import type { ReactNode } from 'react';

// GOV.UK tag colours: dark text on a light tint, each pair above 4.5:1 contrast.
const COLOURS = {
  blue: 'bg-[#bbd4ea] text-[#0c2d4a]',
  grey: 'bg-[#e5e6e7] text-[#0b0c0c]',
  green: 'bg-[#cce2d8] text-[#005a30]',
  red: 'bg-[#f4cdc6] text-[#2a0b06]',
  yellow: 'bg-[#fff7bf] text-[#594d00]',
  orange: 'bg-[#fcd6c3] text-[#6e3619]',
  purple: 'bg-[#dbd5e9] text-[#3d2375]',
} as const;

export type TagColour = keyof typeof COLOURS;

export function Tag({ colour = 'blue', children }: { colour?: TagColour; children: ReactNode }) {
  return <strong className={`inline-block px-2 py-0.5 text-base font-normal ${COLOURS[colour]}`}>{children}</strong>;
}
