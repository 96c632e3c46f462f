import type { LocalisedText } from '../signals/signal-catalogue.js';

/**
 * The five afwegingsvragen of the afwegingskader (reference §3.1), as data: the browser shows the
 * question, its help and the answers it takes; `weighing.ts` decides where each answer leads.
 * The wording follows the national framework, which the education version adopted unchanged.
 *
 * Ids are stable: a recorded answer keeps its question id for as long as the case is kept.
 */
export const QUESTION_IDS = ['q1', 'q2', 'q3', 'q4', 'q5'] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

/** Every answer Meldpad records. 'doubt' exists only at Q2, where in education it counts as yes. */
export const ANSWERS = ['yes', 'no', 'doubt'] as const;
export type Answer = (typeof ANSWERS)[number];

/** The answers of Q1, Q3, Q4 and Q5. */
export type YesNo = 'yes' | 'no';
/** The answers of Q2. */
export type Q2Answer = 'yes' | 'doubt' | 'no';

/** Which unsafety a yes (or doubt) at Q2 is about (glossary `acuteUnsafety`, `structuralUnsafety`). */
export const UNSAFETY_KINDS = ['acute', 'structural', 'both'] as const;
export type UnsafetyKind = (typeof UNSAFETY_KINDS)[number];

export interface QuestionHelp {
  readonly title: LocalisedText;
  readonly body: LocalisedText;
  /** Guiding examples, shown as a list under the body. */
  readonly examples?: readonly LocalisedText[];
}

export interface WeighingQuestion {
  readonly id: QuestionId;
  readonly number: 1 | 2 | 3 | 4 | 5;
  /** The one-word name the sources give the question (vermoeden, veiligheid, …). */
  readonly theme: LocalisedText;
  readonly text: LocalisedText;
  /** The answers in the order the form offers them. */
  readonly answers: readonly Answer[];
  readonly help: readonly QuestionHelp[];
}

export const ANSWER_LABELS: Readonly<Record<Answer, LocalisedText>> = {
  yes: { nl: 'Ja', en: 'Yes' },
  no: { nl: 'Nee', en: 'No' },
  doubt: { nl: 'Twijfel', en: 'Doubt' },
};

export const UNSAFETY_KIND_LABELS: Readonly<Record<UnsafetyKind, LocalisedText>> = {
  acute: { nl: 'Acute onveiligheid', en: 'Acute unsafety' },
  structural: { nl: 'Structurele onveiligheid', en: 'Structural unsafety' },
  both: { nl: 'Acute én structurele onveiligheid', en: 'Both acute and structural unsafety' },
};

/** Reference §3.2: acute unsafety, with the guiding examples of the sources. */
export const ACUTE_UNSAFETY: QuestionHelp = {
  title: { nl: 'Acute onveiligheid', en: 'Acute unsafety' },
  body: {
    nl: 'Iemand is in direct lichamelijk gevaar: de veiligheid is de komende uren of dagen niet gegarandeerd en er is direct bescherming nodig. Dit omvat lichamelijk of seksueel geweld, met of zonder letsel. Bij afhankelijke kinderen ook het ontbreken van de meest basale zorg (eten, drinken, kleding, onderdak), en het onthouden van noodzakelijke medische hulp of het geven van onnodige medische behandelingen. Ook een onthulling, waarbij een kind uit zichzelf vertelt en om hulp vraagt, geldt als acute onveiligheid.',
    en: 'Someone is in direct physical danger: their safety is not guaranteed for the coming hours or days and they need protection immediately. This covers physical or sexual violence, with or without injury. For dependent children it also covers the absence of the most basic care (food, drink, clothing, shelter), and withholding necessary medical help or giving unnecessary medical treatment. A disclosure, where a child tells on their own initiative and asks for help, also counts as acute unsafety.',
  },
  examples: [
    { nl: 'Iemand is in direct (levens)gevaar.', en: 'Someone is in direct (life) danger.' },
    {
      nl: 'Ernstig letsel dat waarschijnlijk is toegebracht, of een poging daartoe; een poging tot wurging; gebruik van een wapen.',
      en: 'Serious injury that was probably inflicted, or an attempt to inflict it; attempted strangulation; use of a weapon.',
    },
    {
      nl: '(Vermoeden van) seksueel misbruik door iemand uit de huiselijke kring, met een reële kans op herhaling.',
      en: '(Suspected) sexual abuse by someone in the home circle, with a real chance of repetition.',
    },
    { nl: 'Mensenhandel of uitbuiting.', en: 'Human trafficking or exploitation.' },
    {
      nl: 'Kinderen in gevaar door overmatig middelengebruik of een acute psychiatrische crisis van een ouder, of door (dreiging met) suïcide van een ouder.',
      en: "Children endangered by a parent's excessive substance use or acute psychiatric crisis, or by a parent's (threatened) suicide.",
    },
    {
      nl: 'Acute dreiging van doden, ernstig verwonden of van de vrijheid beroven van een gezinslid: ontvoering, familiedrama, eerwraak, huwelijksdwang, vrouwelijke genitale verminking.',
      en: 'An acute threat of killing, seriously harming or taking the freedom of a family member: abduction, "familiedrama", honour revenge, forced marriage, female genital mutilation.',
    },
    { nl: 'Een gedwongen vlucht uit huis vanwege geweld.', en: 'A forced flight from home because of violence.' },
    {
      nl: 'Aanwijzingen: de vermoedelijke pleger heeft toegang tot het slachtoffer, bezit een vuurwapen, of niemand anders heeft zicht op de situatie.',
      en: 'Pointers: the suspected perpetrator has access to the victim, owns a firearm, or no third party has sight of the situation.',
    },
  ],
};

/** Reference §3.2: structural unsafety, with the examples of the sources. */
export const STRUCTURAL_UNSAFETY: QuestionHelp = {
  title: { nl: 'Structurele onveiligheid', en: 'Structural unsafety' },
  body: {
    nl: 'Onveilige situaties of geweld die zich herhalen of voortduren en die de gezondheid, het welzijn of de ontwikkeling bedreigen.',
    en: 'Unsafe situations or violence that repeat or continue and threaten health, well-being or development.',
  },
  examples: [
    {
      nl: 'Een kind groeit op bij ouders met problemen (verstandelijke beperking, verslaving, psychiatrische problemen) die de veiligheid van het kind steeds bedreigen en zijn ontwikkeling structureel beperken.',
      en: "A child grows up with parents whose problems (intellectual disability, addiction, psychiatric problems) repeatedly threaten the child's safety and structurally limit its development.",
    },
    { nl: 'Een kind is stelselmatig getuige van huiselijk geweld.', en: 'A child is systematically a witness of domestic violence.' },
    {
      nl: 'Escalerende, langdurige stalking binnen een (ex-)relatie.',
      en: 'Escalating long-term stalking within a (former) relationship.',
    },
  ],
};

/** The education afwegingskader's rule for Q2 (reference §3.1, Utrecht protocol). */
export const DOUBT_COUNTS_AS_YES: QuestionHelp = {
  title: { nl: 'Twijfel telt als ja', en: 'Doubt counts as yes' },
  body: {
    nl: 'In het onderwijs telt twijfel bij deze vraag als ja: twijfelt u of er acute of structurele onveiligheid is, dan meldt u direct bij Veilig Thuis.',
    en: 'In education, doubt at this question counts as yes: if you doubt whether there is acute or structural unsafety, you report to Veilig Thuis at once.',
  },
};

/** What "effective help" means in a school (reference §3.1, notes for the education version). */
export const EFFECTIVE_HELP_IN_SCHOOL: QuestionHelp = {
  title: { nl: 'Effectieve hulp in een school', en: 'Effective help in a school' },
  body: {
    nl: 'Hulp door tweedelijns ondersteuners onder verantwoordelijkheid van het schoolbestuur, zoals de IB’er, de zorgcoördinator, de vertrouwenspersoon of de schoolmaatschappelijk werker, of hulp door een ketenpartner (zoals het wijkteam). De groepsleerkracht is niet degene die deze hulp biedt.',
    en: 'Help from second-line support staff acting under the responsibility of the school board, such as the IB’er, the care coordinator, the confidential adviser or the school social worker, or help from a chain partner (such as the wijkteam). The class teacher is not the one who gives this help.',
  },
};

export const WEIGHING_QUESTIONS: readonly WeighingQuestion[] = [
  {
    id: 'q1',
    number: 1,
    theme: { nl: 'Vermoeden', en: 'Suspicion' },
    text: {
      nl: 'Is er op basis van de stappen 1 tot en met 4 (nog steeds) een vermoeden van (dreiging van) huiselijk geweld of kindermishandeling?',
      en: 'Based on steps 1 to 4, is there (still) a suspicion of (a threat of) domestic violence or child abuse?',
    },
    answers: ['yes', 'no'],
    help: [
      {
        title: { nl: 'Weeg alles mee', en: 'Weigh everything' },
        body: {
          nl: 'Betrek de signalen, de collegiale consultatie, het advies van Veilig Thuis en de gesprekken met kind en ouders, ook de feiten die het vermoeden verzwakken. Bij nee sluit u de meldcode af en legt u de uitkomst vast; de meldcode kan altijd opnieuw starten.',
          en: 'Take in the signals, the consultation, the advice of Veilig Thuis and the conversations with child and parents, including the facts that weaken the suspicion. At no you close the meldcode and record the outcome; the meldcode can always start again.',
        },
      },
    ],
  },
  {
    id: 'q2',
    number: 2,
    theme: { nl: 'Veiligheid', en: 'Safety' },
    text: {
      nl: 'Schatten wij in dat er sprake is van acute en/of structurele onveiligheid?',
      en: 'Do we judge that there is acute and/or structural unsafety?',
    },
    answers: ['yes', 'doubt', 'no'],
    help: [ACUTE_UNSAFETY, STRUCTURAL_UNSAFETY, DOUBT_COUNTS_AS_YES],
  },
  {
    id: 'q3',
    number: 3,
    theme: { nl: 'Hulp', en: 'Help' },
    text: {
      nl: 'Zijn wij (is de school) in staat om effectieve hulp te bieden of te organiseren om de dreiging af te wenden?',
      en: 'Are we (is the school) able to provide or organise effective help to avert the threat?',
    },
    answers: ['yes', 'no'],
    help: [EFFECTIVE_HELP_IN_SCHOOL],
  },
  {
    id: 'q4',
    number: 4,
    theme: { nl: 'Acceptatie', en: 'Acceptance' },
    text: {
      nl: 'Aanvaarden de betrokkenen die hulp en zijn zij bereid zich daaraan te committeren?',
      en: 'Do those involved accept that help and are they willing to commit to it?',
    },
    answers: ['yes', 'no'],
    help: [
      {
        title: { nl: 'Als de hulp start', en: 'When help starts' },
        body: {
          nl: 'Spreek een termijn af waarbinnen het resultaat zichtbaar moet zijn, wijs een casushouder aan en leg rollen en taken vast.',
          en: 'Agree a term by which the result must be visible, appoint a casushouder, and record roles and tasks.',
        },
      },
    ],
  },
  {
    id: 'q5',
    number: 5,
    theme: { nl: 'Resultaat', en: 'Result' },
    text: {
      nl: 'Leidt de hulp binnen de afgesproken termijn tot de noodzakelijke resultaten voor de veiligheid en het welzijn (herstel) van alle betrokkenen?',
      en: 'Does the help lead, within the agreed term, to the necessary results for the safety and well-being (recovery) of everyone involved?',
    },
    answers: ['yes', 'no'],
    help: [
      {
        title: { nl: 'Stopt de onveiligheid niet?', en: 'Does the unsafety not stop?' },
        body: {
          nl: 'Ziet u dat de onveiligheid niet stopt of terugkomt, dan is (opnieuw) melden de norm, ook vóór het einde van de termijn. Bij ja sluit u de hulp af met afspraken over het volgen van de (on)veiligheid: nazorg.',
          en: 'If you see that the unsafety does not stop or comes back, (re)reporting is the norm, also before the term ends. At yes you close the help with agreements about monitoring (un)safety: aftercare.',
        },
      },
    ],
  },
];

export function isQuestionId(value: string): value is QuestionId {
  return (QUESTION_IDS as readonly string[]).includes(value);
}

/** The question with this id. */
export function questionById(id: QuestionId): WeighingQuestion {
  // WEIGHING_QUESTIONS holds one question per id (the unit test checks it), in id order.
  return WEIGHING_QUESTIONS[QUESTION_IDS.indexOf(id)]!;
}

/** Whether a question takes this answer: 'doubt' only at Q2. */
export function isAllowedAnswer(question: QuestionId, answer: Answer): boolean {
  return questionById(question).answers.includes(answer);
}

/** In education, doubt at Q2 counts as yes; everywhere else only yes is yes. */
export function countsAsYes(answer: Answer): boolean {
  return answer === 'yes' || answer === 'doubt';
}
