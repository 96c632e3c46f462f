/**
 * Dutch, the default language of Meldpad. Formal ("u"). Every text a person sees lives here and in
 * en.ts, under the same keys.
 */
export const nl = {
  app: {
    name: 'Meldpad',
    tagline: 'Het meldcode-dossier van uw school',
    skipToContent: 'Naar de inhoud',
    loading: 'Bezig met laden…',
    homeLink: 'Meldpad, naar de startpagina',
  },
  lang: {
    label: 'Taal',
    nl: 'Nederlands',
    en: 'English',
  },
  roles: {
    teacher: 'leerkracht',
    ib: "intern begeleider (IB'er)",
    smw: 'schoolmaatschappelijk werker',
    director: 'directie',
    administrator: 'functioneel beheerder',
    board: 'bestuur',
  },
  errors: {
    network: 'Meldpad is niet bereikbaar. Controleer uw internetverbinding en probeer het opnieuw.',
    unexpected:
      'Er ging iets mis bij Meldpad. Probeer het opnieuw. Blijft het misgaan, neem dan contact op met de functioneel beheerder.',
    required: 'Vul dit veld in.',
    requiredSummary: 'Niet alle velden zijn ingevuld. Vul de gemarkeerde velden in.',
    loadFailedTitle: 'Er ging iets mis',
    retry: 'Opnieuw proberen',
  },
  safety: {
    title: 'Veiligheid gaat voor',
    danger: 'Direct gevaar? Bel <tel>112</tel>.',
    veiligThuis: 'Advies of melding: Veilig Thuis, <tel>0800-2000</tel> (gratis, dag en nacht)',
  },
  setup: {
    title: 'Meldpad inrichten',
    intro:
      'Met dit formulier richt u Meldpad in voor uw bestuur en de eerste school, en maakt u het account van de functioneel beheerder.',
    checking: 'Bezig met controleren of Meldpad al is ingericht…',
    alreadyTitle: 'Meldpad is al ingericht',
    alreadyText: 'Deze installatie van Meldpad is al ingericht. U kunt zich aanmelden met uw account.',
    toLogin: 'Naar aanmelden',
    noTokenTitle: 'Inrichtingslink nodig',
    noTokenText:
      'Meldpad kan alleen worden ingericht via de inrichtingslink. Die link staat in de opstartmelding van de server: de uitvoer die verschijnt wanneer Meldpad wordt gestart.',
    noTokenOpenInFull:
      'Open de link in zijn geheel, inclusief het deel na het #-teken. Heeft u de link niet, vraag hem dan aan degene die de server beheert.',
    orgLegend: 'Bestuur en school',
    boardName: 'Naam van het bestuur of de stichting',
    boardNameHint: 'Bijvoorbeeld: Stichting Openbaar Onderwijs aan de Rivier.',
    schoolName: 'Naam van de eerste school',
    schoolNameHint: "De naam zoals collega's en ouders de school kennen.",
    adminLegend: 'Functioneel beheerder',
    adminExplain:
      'Het account dat u nu maakt, wordt functioneel beheerder. De functioneel beheerder beheert accounts en instellingen, maar ziet nooit de inhoud van een casus.',
    adminName: 'Volledige naam',
    email: 'E-mailadres',
    password: 'Wachtwoord',
    passwordHint: 'Minstens 12 tekens. Een zin van een paar losse woorden is sterk en goed te onthouden.',
    passwordRepeat: 'Herhaal het wachtwoord',
    passwordMismatch: 'De twee wachtwoorden zijn niet gelijk. Typ hetzelfde wachtwoord twee keer.',
    submit: 'Meldpad inrichten',
    submitting: 'Bezig met inrichten…',
    done: 'Meldpad is ingericht. Meld u nu aan met het account dat u net heeft gemaakt.',
  },
  login: {
    title: 'Aanmelden',
    email: 'E-mailadres',
    password: 'Wachtwoord',
    submit: 'Aanmelden',
    submitting: 'Bezig met aanmelden…',
    notSetUp:
      'Meldpad is nog niet ingericht. Open de inrichtingslink uit de opstartmelding van de server om te beginnen.',
    help: 'Wachtwoord vergeten of geen toegang meer tot uw authenticator-app? Neem contact op met de functioneel beheerder van uw school.',
    signedOut: 'U bent afgemeld.',
    restart: 'Uw aanmelding is verlopen of niet afgemaakt. Meld u opnieuw aan.',
  },
  enrol: {
    title: 'Tweestapsverificatie instellen',
    intro:
      'Meldpad bevat gevoelige gegevens over leerlingen. Daarom vraagt Meldpad bij het aanmelden, naast uw wachtwoord, om een code uit een app op uw telefoon.',
    preparing: 'Bezig met voorbereiden…',
    appTitle: 'Installeer een authenticator-app',
    appText:
      'Installeer een authenticator-app op uw telefoon, zoals Microsoft Authenticator of Google Authenticator. Een wachtwoordmanager die codes kan maken werkt ook.',
    scanTitle: 'Scan de QR-code',
    scanText: 'Open de app, kies voor een nieuw account toevoegen en scan deze QR-code met de camera van uw telefoon.',
    qrAlt: 'QR-code om Meldpad toe te voegen aan uw authenticator-app',
    qrLoading: 'De QR-code wordt gemaakt…',
    qrFailed: 'De QR-code kan niet worden getoond. Typ de sleutel hieronder over in uw app.',
    secretLabel: 'Kunt u niet scannen? Typ dan deze sleutel over in de app:',
    confirmTitle: 'Vul de code in',
    confirmText: 'De app toont nu een code van zes cijfers voor Meldpad. Vul die hieronder in.',
    codeLabel: 'Code uit de app',
    submit: 'Bevestigen',
    submitting: 'Bezig met controleren…',
  },
  recovery: {
    title: 'Bewaar uw herstelcodes',
    intro:
      'Tweestapsverificatie is ingesteld. Hieronder staan tien herstelcodes. Met een herstelcode meldt u zich aan als u uw telefoon niet bij u heeft of kwijt bent. Elke code werkt één keer.',
    warning:
      'U ziet deze codes maar één keer. Druk ze af of kopieer ze naar een veilige plek, zoals een wachtwoordmanager. Bewaar ze niet alleen op uw telefoon.',
    listLabel: 'Uw herstelcodes',
    print: 'Afdrukken',
    copy: 'Kopiëren',
    copied: 'De herstelcodes zijn gekopieerd.',
    copyFailed: 'Kopiëren lukte niet. Selecteer de codes en kopieer ze zelf, of druk ze af.',
    saved: 'Ik heb de herstelcodes bewaard',
  },
  code: {
    title: 'Voer de code uit uw app in',
    intro: 'Open uw authenticator-app en vul de code van zes cijfers in die de app voor Meldpad toont.',
    introRecovery: 'Vul een van uw herstelcodes in. Elke herstelcode werkt één keer.',
    codeLabel: 'Code uit de app',
    recoveryLabel: 'Herstelcode',
    useRecovery: 'Ik heb mijn telefoon niet bij me — herstelcode gebruiken',
    useApp: 'Toch de code uit de app gebruiken',
    submit: 'Aanmelden',
    submitting: 'Bezig met controleren…',
    recoveryUsedTitle: 'Herstelcode gebruikt',
    left_zero: 'U heeft een herstelcode gebruikt. U heeft nu geen herstelcodes meer over.',
    left_one: 'U heeft een herstelcode gebruikt. U heeft er nog {{count}} over.',
    left_other: 'U heeft een herstelcode gebruikt. U heeft er nog {{count}} over.',
    lowAdvice:
      'Raken uw herstelcodes op, of bent u uw telefoon kwijt? Vraag dan de functioneel beheerder om uw tweestapsverificatie opnieuw in te stellen. U krijgt dan ook nieuwe herstelcodes.',
    continue: 'Verder naar Meldpad',
  },
  shell: {
    navLabel: 'Hoofdmenu',
    navHome: 'Start',
    schoolSwitch: 'School',
    chooseSchool: 'Kies een school',
    signOut: 'Afmelden',
    signingOut: 'Bezig met afmelden…',
  },
  home: {
    title: 'Start',
    heading: 'Welkom, {{firstName}}',
    context: 'U werkt in Meldpad voor {{place}} als {{roles}}.',
    whatTitle: 'Wat kunt u hier?',
    whatCase:
      'In Meldpad legt u een zorg over een leerling vast als casus. Een casus volgt de route van de meldcode van uw school, van het eerste signaal tot en met de nazorg.',
    whatAudit:
      'Alleen wie bij een casus betrokken is, ziet de inhoud. Meldpad houdt bij wie iets vastlegt of inziet, zodat altijd na te gaan is wie wat heeft gedaan en wanneer.',
    routeTitle: 'De zes stappen van de meldcode',
    steps: {
      s1: {
        name: 'Signaleren',
        text: 'U ziet of hoort iets wat u zorgen baart over een leerling, en legt dat feitelijk vast.',
      },
      s2: {
        name: 'In kaart brengen',
        text: "De signalen zo concreet mogelijk beschrijven, de kindcheck uitvoeren en de zorg bespreken met een collega of de IB'er.",
      },
      s3: {
        name: 'Opschalen',
        text: "Een interventieteam van IB'er, schoolmaatschappelijk werker en directie pakt de casus op en vraagt zo nodig anoniem advies bij Veilig Thuis.",
      },
      s4: {
        name: 'Gesprek met ouders',
        text: 'De zorgen en signalen bespreken met de ouders of verzorgers en hun zienswijze vastleggen.',
      },
      s5: {
        name: 'Afwegen',
        text: 'Met de betrokken professionals het risico inschatten en besluiten of een melding bij Veilig Thuis nodig is.',
      },
      s6: {
        name: 'Nazorg',
        text: 'Het kind blijven volgen en afspraken maken over hoe school, kind en ouders samen verder gaan.',
      },
    },
  },
  notFound: {
    title: 'Pagina niet gevonden',
    text: 'Deze pagina bestaat niet. Misschien is de link onvolledig of verouderd.',
    home: 'Naar de startpagina',
  },
};

/** The shape every language must fill: the same keys as Dutch, each with a string. */
export type Translation = Shape<typeof nl>;
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
