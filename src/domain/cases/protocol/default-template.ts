import type { ProtocolContent } from './protocol.js';

const NEEDED = 'Doe de stappen die nodig zijn.';

/**
 * Meldpad's default route: the school's own protocol ("Korf", januari 2024), word for word where it
 * gives words. Help texts are Meldpad's. The Veilig Thuis number is deliberately not in the text:
 * the case page shows the school's number from its settings.
 */
export const DEFAULT_PROTOCOL: ProtocolContent = {
  steps: [
    {
      id: 'preventive',
      number: 0,
      title: 'Preventief: relatie met ouders',
      note: null,
      tasks: [
        { id: 'prev.startgesprek', text: 'Startgesprek begin schooljaar', help: null, form: null, retired: false },
        { id: 'prev.contact', text: 'Regelmatig (informeel) contact met de ouders/verzorgers', help: null, form: null, retired: false },
      ],
    },
    {
      id: 's1',
      number: 1,
      title: 'Signaleren',
      note: null,
      tasks: [
        { id: 's1.ken-leerlingen', text: 'Ken je leerlingen', help: null, form: null, retired: false },
        {
          id: 's1.ken-signalen',
          text: 'Ken de signalen',
          help: 'De signalenlijst helpt een vermoeden te ondersteunen of te verzwakken; het is geen bewijs. Eén signaal is geen signaal.',
          form: null,
          retired: false,
        },
      ],
    },
    {
      id: 's2',
      number: 2,
      title: 'In kaart brengen van signalen',
      note: NEEDED,
      tasks: [
        {
          id: 's2.beschrijf',
          text: 'Beschrijf de signalen zo concreet en feitelijk mogelijk',
          help: 'Schrijf op wat je zag of hoorde, wanneer en waar. Houd je eigen waarneming apart van wat anderen vertellen, en noteer ook wat het vermoeden verzwakt.',
          form: 'signal',
          retired: false,
        },
        {
          id: 's2.kindcheck',
          text: 'Voer de kindcheck uit',
          help: 'Kijk naar broertjes, zusjes en andere kinderen in het gezin, en naar signalen bij de ouders (bijvoorbeeld een ouder die onder invloed het kind komt brengen).',
          form: 'kindcheck',
          retired: false,
        },
        { id: 's2.bespreek-collega', text: 'Bespreek de signalen met een (deskundige) collega/IB', help: null, form: 'consultation', retired: false },
        { id: 's2.gesprek-leerling', text: 'Voer een gesprekje met de leerling', help: null, form: 'pupil-conversation', retired: false },
        { id: 's2.gesprek-ouder', text: 'Voer eventueel een gesprek met de ouder', help: null, form: 'parent-conversation', retired: false },
        {
          id: 's2.notitie',
          text: 'Notitie in het leerlingvolgsysteem (Parnassys > notitie > Meldcode)',
          help:
            'De inhoud blijft in Meldpad. Zet in het leerlingvolgsysteem alleen "zie Meldpad" met de datum, in een notitiecategorie die het ouderportaal niet toont. ' +
            'Sommige scholen stellen notitiecategorieën open voor ouders: een meldcodenotitie in de verkeerde categorie komt dan bij de ouder over wie het gaat.',
          form: null,
          retired: false,
        },
      ],
    },
    {
      id: 's3',
      number: 3,
      title: 'Schaal de casus op (maak een interventieteam)',
      note: NEEDED,
      tasks: [
        { id: 's3.team', text: 'Betrek IB, SMW en directie; IB of SMW wordt casushouder', help: null, form: 'team', retired: false },
        { id: 's3.taakverdeling', text: 'Bespreek de taakverdeling: wie doet wat?', help: null, form: 'agreements', retired: false },
        {
          id: 's3.advies-vt',
          text: 'Vraag anoniem advies bij Veilig Thuis',
          help: 'Noem geen naam van het kind of de ouders: het advies is anoniem. Het nummer van Veilig Thuis staat bovenaan de casus.',
          form: 'veilig-thuis-advice',
          retired: false,
        },
        { id: 's3.direct-melden', text: 'Maak afweging of de situatie zo ernstig is dat direct gemeld moet worden', help: null, form: 'escalation-decision', retired: false },
        { id: 's3.geen-melding', text: 'Besluit tot geen melding: maak goede afspraken over de voortgang (monitoren)', help: null, form: 'escalation-decision', retired: false },
      ],
    },
    {
      id: 's4',
      number: 4,
      title: 'Gesprek met de ouders/verzorgers',
      note: null,
      tasks: [
        { id: 's4.zorgen', text: 'Bespreek de zorgen en signalen met de ouders/verzorgers', help: null, form: null, retired: false },
        { id: 's4.ontbrekend', text: 'Vraag ontbrekende informatie', help: null, form: null, retired: false },
        { id: 's4.zienswijze', text: 'Vraag hun zienswijze', help: null, form: null, retired: false },
        { id: 's4.hulp', text: 'Informeer over hulpmogelijkheden en vraag of ouders daar gebruik van willen maken', help: null, form: null, retired: false },
        { id: 's4.sisa', text: 'In een situatie als deze doen we een SISA-registratie (casushouder)', help: null, form: null, retired: false },
        { id: 's4.verloop', text: 'Informeer over het (mogelijke) verdere verloop van het proces en de SISA-registratie', help: null, form: null, retired: false },
      ],
    },
    {
      id: 's5',
      number: 5,
      title: 'Afweging om de juiste keuze te maken',
      note: null,
      tasks: [
        { id: 's5.bespreek', text: 'Bespreek met de betrokken professionals alle signalen en zorgen, advies en het gesprek met de ouders', help: null, form: null, retired: false },
        { id: 's5.risico', text: 'Schat het risico, aard en ernst van het geweld in', help: null, form: null, retired: false },
        { id: 's5.besluit', text: 'Besluit om wel of niet te melden; de casushouder voert de melding uit', help: null, form: null, retired: false },
      ],
    },
    {
      id: 's6',
      number: 6,
      title: 'Nazorg',
      note: null,
      tasks: [
        { id: 's6.monitoren', text: 'Leerkracht blijft het kind monitoren', help: null, form: null, retired: false },
        { id: 's6.afspraken', text: 'Maak afspraken hoe school, kind en ouders samen verder gaan: leerling blijft centraal', help: null, form: null, retired: false },
        { id: 's6.smw', text: 'SMW blijft betrokken', help: null, form: null, retired: false },
        { id: 's6.contacten', text: 'Wie houdt met wie contact (Veilig Thuis, wijkteam, JBRR, enz.)', help: null, form: null, retired: false },
      ],
    },
  ],
  standingReminder: 'Zorg dat het voor de leerling veilig en leuk blijft op school',
  taskDivisionPrinciples: {
    title: 'Taakverdeling: wie pakt het proces verder op?',
    items: [
      'Laat de leerkracht een zo neutraal mogelijke rol spelen in verband met de relatie met de leerling.',
      'Welbevinden van de leerling staat centraal (kerntaak van de leerkracht in het proces).',
      'IB heeft de taak van aandachtsfunctionaris en zal in de meeste gevallen de casushouder worden.',
      'IB, SMW, de betrokken leerkracht en eventueel directie vormen het interventieteam.',
      'IB en SMW (directie) nemen proces en verantwoordelijkheid over wanneer de casus wordt opgeschaald.',
    ],
  },
  parentConversationPrinciples: {
    title: 'Gesprek met ouders: wie voert het gesprek (leerkracht, IB, SMW, directie; alleen of samen)?',
    items: [
      'Is er een vertrouwensrelatie met de ouders?',
      'Welke tools en ervaring heeft de leerkracht zelf?',
      'Kan het gesprek alleen gevoerd worden?',
      'Kan het gesprek veilig gevoerd worden, voor de medewerker en voor het kind, tijdens en na het gesprek?',
      'Wat voor soort gesprek wordt het: een vermoeden, zeker weten, of gevaarlijk/zeer ernstig (ware mishandeling)?',
    ],
  },
};
