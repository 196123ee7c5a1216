/**
 * What Tafel's messages to people say, in the four languages it writes in. A person's messages
 * follow their language (`people.language`: the invitation's, or the join form's; English when
 * none was chosen), a sign-in link the page it was asked from. The link opens its confirm page in the same language.
 */
import type { Lang } from '@tafel/schema';

export type LinkKind = 'INVITATION' | 'SIGN_IN';

interface Texts {
  subject: Record<LinkKind, string>;
  /** The first sentence, before the link. */
  lead: Record<LinkKind, string>;
  /** "(it works once, until …)" around the expiry time. */
  once: (until: string) => string;
  ignore: string;
  rejectionSubject: string;
  rejection: (organisation: string, reason: string) => string;
}

const TEXTS: Record<Lang, Texts> = {
  en: {
    subject: { INVITATION: 'Your invitation to Tafel', SIGN_IN: 'Your Tafel sign-in link' },
    lead: {
      INVITATION: 'You are invited to Tafel. Open this link to accept and sign in',
      SIGN_IN: 'Open this link to sign in to Tafel',
    },
    once: (until) => `(it works once, until ${until} UTC)`,
    ignore: 'If you did not ask for this, ignore this message.',
    rejectionSubject: 'Your application to join Tafel',
    rejection: (organisation, reason) =>
      `Thank you for applying to join Tafel as ${organisation}. Your application was not accepted.\n\nThe reason:\n${reason}\n\nYou may reply to this message with questions.`,
  },
  nl: {
    subject: { INVITATION: 'Uw uitnodiging voor Tafel', SIGN_IN: 'Uw inloglink voor Tafel' },
    lead: {
      INVITATION:
        'U bent uitgenodigd voor Tafel. Open deze link om de uitnodiging aan te nemen en in te loggen',
      SIGN_IN: 'Open deze link om in te loggen bij Tafel',
    },
    once: (until) => `(hij werkt één keer, tot ${until} UTC)`,
    ignore: 'Hebt u hier niet om gevraagd? Dan kunt u dit bericht negeren.',
    rejectionSubject: 'Uw aanmelding bij Tafel',
    rejection: (organisation, reason) =>
      `Dank u voor de aanmelding van ${organisation} bij Tafel. Uw aanmelding is niet aangenomen.\n\nDe reden:\n${reason}\n\nU kunt op dit bericht antwoorden als u vragen hebt.`,
  },
  de: {
    subject: { INVITATION: 'Ihre Einladung zu Tafel', SIGN_IN: 'Ihr Anmeldelink für Tafel' },
    lead: {
      INVITATION:
        'Sie sind zu Tafel eingeladen. Öffnen Sie diesen Link, um die Einladung anzunehmen und sich anzumelden',
      SIGN_IN: 'Öffnen Sie diesen Link, um sich bei Tafel anzumelden',
    },
    once: (until) => `(er funktioniert einmal, bis ${until} UTC)`,
    ignore: 'Wenn Sie das nicht angefordert haben, ignorieren Sie diese Nachricht.',
    rejectionSubject: 'Ihre Bewerbung bei Tafel',
    rejection: (organisation, reason) =>
      `Vielen Dank für die Bewerbung von ${organisation} bei Tafel. Ihre Bewerbung wurde nicht angenommen.\n\nDer Grund:\n${reason}\n\nBei Fragen können Sie auf diese Nachricht antworten.`,
  },
  da: {
    subject: { INVITATION: 'Din invitation til Tafel', SIGN_IN: 'Dit login-link til Tafel' },
    lead: {
      INVITATION:
        'Du er inviteret til Tafel. Åbn dette link for at tage imod invitationen og logge ind',
      SIGN_IN: 'Åbn dette link for at logge ind på Tafel',
    },
    once: (until) => `(det virker én gang, indtil ${until} UTC)`,
    ignore: 'Hvis du ikke har bedt om dette, kan du se bort fra beskeden.',
    rejectionSubject: 'Din ansøgning til Tafel',
    rejection: (organisation, reason) =>
      `Tak for ansøgningen fra ${organisation} om at blive en del af Tafel. Ansøgningen blev ikke godkendt.\n\nBegrundelsen:\n${reason}\n\nDu er velkommen til at svare på denne besked, hvis du har spørgsmål.`,
  },
};

/** A link's message: subject and text, with the link on a line of its own. */
export function linkMail(
  language: Lang | null,
  kind: LinkKind,
  url: string,
  expiresAt: Date,
): { subject: string; text: string } {
  const t = TEXTS[language ?? 'en'];
  const until = expiresAt.toISOString().replace('T', ' ').slice(0, 16);
  return {
    subject: t.subject[kind],
    text: `${t.lead[kind]} ${t.once(until)}:\n\n${url}\n\n${t.ignore}\n`,
  };
}

/** The answer to an application staff rejected, with their reason. */
export function rejectionMail(
  language: Lang | null,
  organisation: string,
  reason: string,
): { subject: string; text: string } {
  const t = TEXTS[language ?? 'en'];
  return { subject: t.rejectionSubject, text: `${t.rejection(organisation, reason)}\n` };
}
