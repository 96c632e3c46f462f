/**
 * What the API says to a person, in Dutch and English. Keys are the error codes where there is one.
 * The web app shows these messages as they come; scripts can rely on the codes.
 */
export const nl = {
  'bad-request': 'Het verzoek klopt niet: {{detail}}',
  'invalid-field': 'Het veld "{{field}}" klopt niet: {{detail}}',
  'invalid-json': 'De inhoud van het verzoek is geen geldige JSON.',
  'unsupported-media-type': 'Stuur de gegevens als JSON (Content-Type: application/json).',
  'payload-too-large': 'Het verzoek is te groot.',
  'not-found': 'Dit bestaat niet, of u heeft er geen toegang toe.',
  unauthenticated: 'U bent niet (meer) aangemeld. Meld u opnieuw aan.',
  'cross-site': 'Dit verzoek komt van een andere website en is geweigerd.',
  'rate-limited': 'Te veel verzoeken in korte tijd. Wacht een minuut en probeer het opnieuw.',
  internal: 'Er ging iets mis aan onze kant. Er is niets verloren gegaan van wat al was opgeslagen; probeer het opnieuw.',
  'already-set-up': 'Meldpad is al ingericht. Meld u aan met uw account.',
  'invalid-setup-token': 'Deze inrichtingslink is ongeldig of verlopen. Gebruik de link die Meldpad bij het opstarten toonde; herstart Meldpad voor een nieuwe link.',
  'weak-password': 'Kies een sterker wachtwoord.',
  'password-too-short': 'Het wachtwoord moet minstens {{min}} tekens lang zijn.',
  'password-too-long': 'Het wachtwoord mag hoogstens {{max}} tekens lang zijn.',
  'password-too-guessable': 'Dit wachtwoord is te makkelijk te raden.',
  'password-personal-word': 'Het wachtwoord bevat "{{word}}", uit uw naam, e-mailadres of de naam van de school; dat raadt een aanvaller als eerste.',
  'password-hint': 'Tip: kies een zin van vier of meer losse woorden die niets met u of de school te maken hebben.',
  'invalid-credentials': 'Het e-mailadres of het wachtwoord klopt niet.',
  'too-many-attempts': 'Te veel mislukte aanmeldpogingen. Probeer het over {{minutes}} minuten opnieuw.',
  'invalid-code': 'Deze code klopt niet. Controleer de code in uw app (die verandert elke 30 seconden) of gebruik een herstelcode.',
  'too-many-codes': 'Te veel onjuiste codes. Meld u opnieuw aan met uw wachtwoord.',
  'enrolment-not-started': 'Start eerst het instellen van de tweestapsverificatie.',
  'recovery-code-during-enrolment': 'Tijdens het instellen werkt alleen een code uit de app.',
} as const;

export type MessageKey = keyof typeof nl;

export const en: Record<MessageKey, string> = {
  'bad-request': 'The request is not valid: {{detail}}',
  'invalid-field': 'The field "{{field}}" is not valid: {{detail}}',
  'invalid-json': 'The request body is not valid JSON.',
  'unsupported-media-type': 'Send the data as JSON (Content-Type: application/json).',
  'payload-too-large': 'The request is too large.',
  'not-found': 'This does not exist, or you have no access to it.',
  unauthenticated: 'You are not signed in (any more). Please sign in again.',
  'cross-site': 'This request comes from another website and was refused.',
  'rate-limited': 'Too many requests in a short time. Wait a minute and try again.',
  internal: 'Something went wrong on our side. Nothing already saved was lost; please try again.',
  'already-set-up': 'Meldpad has already been set up. Sign in with your account.',
  'invalid-setup-token': 'This setup link is invalid or has expired. Use the link Meldpad printed at start-up; restart Meldpad for a new link.',
  'weak-password': 'Please choose a stronger password.',
  'password-too-short': 'The password must be at least {{min}} characters long.',
  'password-too-long': 'The password may be at most {{max}} characters long.',
  'password-too-guessable': 'This password is too easy to guess.',
  'password-personal-word': 'The password contains "{{word}}", from your name, e-mail address or the school\'s name; an attacker tries that first.',
  'password-hint': 'Tip: choose a phrase of four or more unrelated words that have nothing to do with you or the school.',
  'invalid-credentials': 'The e-mail address or the password is not correct.',
  'too-many-attempts': 'Too many failed sign-in attempts. Try again in {{minutes}} minutes.',
  'invalid-code': 'This code is not correct. Check the code in your app (it changes every 30 seconds) or use a recovery code.',
  'too-many-codes': 'Too many wrong codes. Please sign in again with your password.',
  'enrolment-not-started': 'Start setting up two-step verification first.',
  'recovery-code-during-enrolment': 'While setting up, only a code from the app works.',
};
