import type { Config } from 'tailwindcss';

// Colours follow the GOV.UK Design System palette so contrast meets WCAG 2.2 AA.
export default {
  content: ['./app/**/*.{ts,tsx}'],
  theme: {
    extend: {
      colors: {
        brand: { DEFAULT: '#1d70b8', dark: '#003078' },
        ink: '#0b0c0c',
        muted: '#505a5f',
        line: '#b1b4b6',
        surface: '#f3f2f1',
        focus: '#ffdd00',
        danger: '#d4351c',
        success: '#00703c',
        warning: '#f47738',
      },
      fontFamily: {
        sans: ['"Helvetica Neue"', 'Arial', 'sans-serif'],
      },
    },
  },
  plugins: [],
} satisfies Config;
