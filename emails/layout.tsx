import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Text } from '@react-email/components';
import type { ReactNode } from 'react';

// Plain, high-contrast and single-column so the message reads well in any client, with images off and in a
// screen reader. The brand is text only: no logo image to block or to miss its alt text.
const page = { backgroundColor: '#ffffff', color: '#0b0c0c', fontFamily: 'Arial, Helvetica, sans-serif', margin: 0 };
const container = { maxWidth: '580px', padding: '24px 16px' };
const brand = { fontSize: '18px', fontWeight: 700, margin: '0 0 24px', borderBottom: '8px solid #1d70b8', paddingBottom: '8px' };
const heading = { fontSize: '28px', lineHeight: '32px', margin: '0 0 20px' };
const paragraph = { fontSize: '19px', lineHeight: '28px', margin: '0 0 20px' };
const footer = { fontSize: '16px', lineHeight: '24px', color: '#505a5f', margin: '0' };

export function EmailLayout({ preview, heading: title, children }: { preview: string; heading: string; children: ReactNode }) {
  return (
    <Html lang="en-GB" dir="ltr">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={page}>
        <Container style={container}>
          <Text style={brand}>Foster for East Midlands</Text>
          <Heading as="h1" style={heading}>
            {title}
          </Heading>
          {children}
          <Hr />
          <Text style={footer}>
            Foster for East Midlands is the fostering recruitment hub for Derby City, Derbyshire, Nottingham City and
            Nottinghamshire councils. Please do not reply to this email.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={paragraph}>{children}</Text>;
}

/** A plain underlined link rather than a styled button: it survives plain-text conversion and high-contrast modes. */
export function ActionLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Text style={paragraph}>
      <Link href={href} style={{ color: '#1d70b8', textDecoration: 'underline', fontWeight: 700 }}>
        {children}
      </Link>
    </Text>
  );
}
