/**
 * The signalenlijst (SignalCatalogue): categories and items that help staff recognise signals,
 * after section 7 of the meldcode reference. It is a memory aid for the person who records a
 * signal, never a test: there are no weights and no score, because the sources warn that a list
 * does not prove anything (see CATALOGUE_GUIDANCE).
 *
 * Ids are stable: a recorded signal keeps its item id for as long as the case is kept, so an id is
 * never renamed or reused. A label may be reworded; the id stays.
 */

/** A text in both languages of Meldpad; the domain has no i18n library, so it carries both. */
export interface LocalisedText {
  readonly nl: string;
  readonly en: string;
}

export const SIGNAL_CATEGORY_IDS = [
  'physical',
  'neglect',
  'behaviour',
  'adults',
  'peers',
  'school',
  'sexual-abuse',
  'emotional',
  'witnessing-violence',
  'honour-related',
  'fgm',
  'exploitation',
  'parent-signals',
  'family-signals',
] as const;

export type SignalCategoryId = (typeof SIGNAL_CATEGORY_IDS)[number];

/** "physical.bruises-unusual-places": the category id, a dot, and a kebab-case name. */
export type SignalItemId = `${SignalCategoryId}.${string}`;

export interface SignalItem {
  readonly id: SignalItemId;
  readonly label: LocalisedText;
  /**
   * The reference could not find this item in a published list. It is plausible and kept, worded
   * cautiously, but an expert should review it; the UI may say so.
   */
  readonly unconfirmed?: true;
}

export interface SignalCategory {
  readonly id: SignalCategoryId;
  /** The letter of the category in section 7 of the meldcode reference, for cross-reference. */
  readonly letter: string;
  readonly label: LocalisedText;
  /** What a person needs to know before using this category's items, if anything. */
  readonly note?: LocalisedText;
  readonly items: readonly SignalItem[];
}

/**
 * The general rules of section 7, shown above the list. They come first because a checklist
 * invites counting, and counting is exactly what the sources warn against.
 */
export const CATALOGUE_GUIDANCE: readonly LocalisedText[] = deepFreeze([
  {
    nl: 'Een signalenlijst ondersteunt of verzwakt een vermoeden, het is geen bewijs.',
    en: 'A list of signals supports or weakens a suspicion; it is not proof.',
  },
  {
    nl: 'Bijna elk signaal kan ook een andere oorzaak hebben.',
    en: 'Almost every signal can also have another cause.',
  },
  {
    nl: 'Hoe meer signalen, hoe groter de kans dat er iets aan de hand is.',
    en: 'The more signals, the greater the chance that something is wrong.',
  },
  {
    nl: 'Sommige kinderen die mishandeld worden, laten helemaal geen signalen zien.',
    en: 'Some children who are abused show no signals at all.',
  },
  {
    nl: 'De lijst is niet volledig.',
    en: 'The list is not complete.',
  },
  {
    nl: 'Eén signaal is geen signaal.',
    en: 'One signal is no signal.',
  },
]);

/** How to record a signal, from the same section: facts, source, counter-indications. */
export const RECORDING_GUIDANCE: readonly LocalisedText[] = deepFreeze([
  {
    nl: 'Schrijf op wat u zag of hoorde, wanneer en waar.',
    en: 'Write down what you saw or heard, when and where.',
  },
  {
    nl: 'Houd uw eigen waarneming apart van wat anderen vertellen, en noteer van wie het komt.',
    en: 'Keep your own observation apart from what others tell you, and note who it came from.',
  },
  {
    nl: 'Noteer ook wat het vermoeden verzwakt (contra-indicaties).',
    en: 'Also note what weakens the suspicion (counter-indications).',
  },
  {
    nl: 'Bij letsel: beschrijf soort, kleur, vorm en plaats, en teken het in op de lichaamskaart.',
    en: 'For an injury: describe its kind, colour, shape and place, and mark it on the body map.',
  },
]);

export const SIGNAL_CATALOGUE: readonly SignalCategory[] = deepFreeze([
  {
    id: 'physical',
    letter: 'A',
    label: { nl: 'Lichamelijke signalen', en: 'Physical signs' },
    items: [
      {
        id: 'physical.bruises-unusual-places',
        label: {
          nl: 'Blauwe plekken op ongewone plaatsen: romp, rug, billen, hals, bovenbenen, binnenkant van armen of benen',
          en: 'Bruises in unusual places: trunk, back, buttocks, neck, thighs, insides of arms or legs',
        },
      },
      {
        id: 'physical.injury-with-shape',
        label: {
          nl: 'Letsel met een herkenbare vorm, zoals van een hand, vingers, tanden, riemgesp, touw of stok',
          en: 'An injury with a recognisable shape, such as a hand, fingers, teeth, a belt buckle, rope or a stick',
        },
      },
      { id: 'physical.burns', label: { nl: 'Brandwonden', en: 'Burns' } },
      { id: 'physical.cuts-scratches-bites', label: { nl: 'Snijwonden, krassen of bijtwonden', en: 'Cuts, scratches or bites' } },
      { id: 'physical.fractures', label: { nl: 'Botbreuken', en: 'Fractures' } },
      { id: 'physical.scars', label: { nl: 'Littekens', en: 'Scars' } },
      {
        id: 'physical.repeated-accidents',
        label: {
          nl: 'Herhaaldelijk letsel dat steeds een ‘ongelukje’ wordt genoemd',
          en: 'Repeated injuries that are always called ‘an accident’',
        },
      },
      {
        id: 'physical.explanation-does-not-fit',
        label: { nl: 'De uitleg past niet bij het letsel', en: 'The explanation does not fit the injury' },
      },
      {
        id: 'physical.covering-clothing',
        label: { nl: 'Bedekkende kleding die letsel verbergt', en: 'Covering clothing that hides injuries' },
      },
      {
        id: 'physical.frequent-changes',
        label: {
          nl: 'Het gezin verhuist vaak, wisselt vaak van huisarts of school, of is bekend bij verschillende huisartsenposten of spoedeisende hulp',
          en: 'The family moves often, changes GP or school often, or is known at several out-of-hours GP posts or emergency departments',
        },
      },
    ],
  },
  {
    id: 'neglect',
    letter: 'B',
    label: { nl: 'Verwaarlozing: lichamelijke zorg', en: 'Neglect: physical care' },
    items: [
      { id: 'neglect.hungry', label: { nl: 'Heeft honger; komt zonder ontbijt naar school', en: 'Is hungry; comes to school without breakfast' } },
      { id: 'neglect.growth-weight', label: { nl: 'Groeit weinig of valt af', en: 'Grows poorly or loses weight' } },
      {
        id: 'neglect.hygiene',
        label: { nl: 'Weinig verzorgd: ruikt, draagt vuile kleding', en: 'Little personal care: smells, wears dirty clothes' },
      },
      { id: 'neglect.clothing-season', label: { nl: 'Kleding past niet bij het seizoen', en: 'Clothing does not suit the season' } },
      {
        id: 'neglect.untreated-medical',
        label: {
          nl: 'Medische of tandheelkundige problemen worden niet behandeld',
          en: 'Medical or dental problems are not treated',
        },
      },
      { id: 'neglect.often-ill', label: { nl: 'Vaak ziek; herstelt langzaam', en: 'Often ill; recovers slowly' } },
      { id: 'neglect.chronically-tired', label: { nl: 'Is steeds moe', en: 'Is tired all the time' } },
    ],
  },
  {
    id: 'behaviour',
    letter: 'C',
    label: { nl: 'Gedrag en emoties van het kind', en: "The child's behaviour and emotions" },
    items: [
      { id: 'behaviour.anxious-withdrawn', label: { nl: 'Angstig of teruggetrokken', en: 'Anxious or withdrawn' } },
      { id: 'behaviour.aggressive-destructive', label: { nl: 'Agressief of vernielend gedrag', en: 'Aggressive or destructive behaviour' } },
      { id: 'behaviour.sudden-change', label: { nl: 'Plotselinge verandering in gedrag', en: 'A sudden change in behaviour' } },
      { id: 'behaviour.passive-listless', label: { nl: 'Passief, lusteloos of apathisch', en: 'Passive, listless or apathetic' } },
      { id: 'behaviour.shows-no-feelings', label: { nl: 'Laat geen gevoelens of pijn zien', en: 'Shows no feelings or pain' } },
      { id: 'behaviour.fantasy-world', label: { nl: 'Leeft in een fantasiewereld', en: 'Lives in a fantasy world' } },
      {
        id: 'behaviour.negative-self-image',
        label: { nl: 'Negatief zelfbeeld, weinig zelfvertrouwen, faalangst', en: 'Negative self-image, low self-confidence, fear of failure' },
      },
      { id: 'behaviour.unhappy', label: { nl: 'Ongelukkig of somber', en: 'Unhappy or low in mood' } },
      { id: 'behaviour.negative-attention', label: { nl: 'Zoekt negatieve aandacht', en: 'Seeks negative attention' } },
      {
        id: 'behaviour.physical-complaints',
        label: {
          nl: 'Lichamelijke klachten zonder aanwijsbare oorzaak: buikpijn, hoofdpijn, moeheid',
          en: 'Physical complaints without an evident cause: stomach ache, headache, tiredness',
        },
      },
      { id: 'behaviour.sleeping-eating', label: { nl: 'Slaap- of eetproblemen', en: 'Sleeping or eating problems' } },
      {
        id: 'behaviour.developmental-delay',
        label: { nl: 'Achterstand in ontwikkeling, zoals spraak of motoriek', en: 'Developmental delay, such as speech or motor skills' },
      },
      {
        id: 'behaviour.regression',
        label: { nl: 'Valt terug in gedrag van een jonger kind', en: 'Falls back into the behaviour of a younger child' },
      },
    ],
  },
  {
    id: 'adults',
    letter: 'D',
    label: { nl: 'Omgang met ouders en andere volwassenen', en: 'Relationship with parents and other adults' },
    items: [
      {
        id: 'adults.fearful-towards-parent',
        label: {
          nl: 'Angstig, schrikachtig, waakzaam of overdreven gehoorzaam tegenover een ouder',
          en: 'Afraid, jumpy, watchful or overly compliant towards a parent',
        },
      },
      {
        id: 'adults.different-with-parent',
        label: { nl: 'Gedraagt zich anders als de ouder erbij is', en: 'Behaves differently when the parent is present' },
      },
      { id: 'adults.afraid-of-parents', label: { nl: 'Lijkt bang voor de ouders', en: 'Seems afraid of the parents' } },
      {
        id: 'adults.easily-separated',
        label: {
          nl: 'Heeft weinig moeite met lang gescheiden zijn van de ouders',
          en: 'Has little trouble being separated from the parents for a long time',
        },
      },
      {
        id: 'adults.distrustful-or-overfriendly',
        label: {
          nl: 'Wantrouwt volwassenen, of wil juist iedereen te vriend houden (‘allemansvriend’)',
          en: 'Distrusts adults, or is overly eager to please everyone (‘allemansvriend’)',
        },
      },
      {
        id: 'adults.physical-contact',
        label: {
          nl: 'Bang voor lichamelijk contact, of zoekt er juist heel veel',
          en: 'Afraid of physical contact, or seeks a great deal of it',
        },
      },
      {
        id: 'adults.afraid-to-undress',
        label: { nl: 'Bang om zich uit te kleden, bijvoorbeeld bij gym', en: 'Afraid to undress, for example for gym' },
      },
    ],
  },
  {
    id: 'peers',
    letter: 'E',
    label: { nl: 'Omgang met andere kinderen', en: 'Relationship with other children' },
    items: [
      { id: 'peers.aggressive', label: { nl: 'Agressief naar andere kinderen', en: 'Aggressive towards other children' } },
      { id: 'peers.plays-little', label: { nl: 'Speelt weinig met anderen', en: 'Plays little with others' } },
      { id: 'peers.not-liked', label: { nl: 'Wordt door andere kinderen weinig gemogen', en: 'Is not much liked by other children' } },
      { id: 'peers.distrustful', label: { nl: 'Wantrouwt andere kinderen', en: 'Distrusts other children' } },
      { id: 'peers.bullying', label: { nl: 'Pest of wordt gepest', en: 'Bullies or is bullied' } },
      { id: 'peers.contact-problems', label: { nl: 'Heeft moeite met contact maken', en: 'Has difficulty making contact' } },
    ],
  },
  {
    id: 'school',
    letter: 'F',
    label: { nl: 'Op school', en: 'At school' },
    items: [
      { id: 'school.absence-lateness', label: { nl: 'Verzuim of vaak te laat', en: 'Absence or often late' } },
      {
        id: 'school.concentration-learning',
        label: { nl: 'Concentratie- of leerproblemen', en: 'Concentration or learning problems' },
      },
      { id: 'school.results-drop', label: { nl: 'Resultaten gaan achteruit', en: 'Results go down' } },
    ],
  },
  {
    id: 'sexual-abuse',
    letter: 'G',
    label: { nl: 'Seksueel misbruik', en: 'Sexual abuse' },
    note: {
      nl: 'De betrouwbaarste signalen zijn letsel aan de geslachtsdelen samen met een geloofwaardig verhaal van het kind.',
      en: 'The most reliable signals are genital injury together with a credible account from the child.',
    },
    items: [
      {
        id: 'sexual-abuse.age-inappropriate',
        label: {
          nl: 'Seksueel gedrag of seksuele kennis die niet bij de leeftijd past',
          en: "Sexual behaviour or knowledge that does not fit the child's age",
        },
      },
      {
        id: 'sexual-abuse.boundary-crossing',
        label: { nl: 'Seksueel getint of grensoverschrijdend gedrag', en: 'Sexualised or boundary-crossing behaviour' },
      },
      {
        id: 'sexual-abuse.sleep-fear',
        label: { nl: 'Slaapproblemen, bang in het donker, nachtmerries', en: 'Sleep problems, fear of the dark, nightmares' },
      },
      {
        id: 'sexual-abuse.appetite-stomach',
        label: { nl: 'Weinig eetlust; blijvende buikpijn', en: 'Loss of appetite; persistent stomach ache' },
      },
      { id: 'sexual-abuse.mood-swings', label: { nl: 'Plotselinge stemmingswisselingen', en: 'Sudden mood swings' } },
      {
        id: 'sexual-abuse.fear-person-place',
        label: {
          nl: 'Bang voor bepaalde mensen of plekken; wil niet alleen blijven met een bepaald persoon',
          en: 'Afraid of certain people or places; does not want to be left with a particular person',
        },
      },
      { id: 'sexual-abuse.regression', label: { nl: 'Terugval: bedplassen, duimzuigen', en: 'Regression: bed-wetting, thumb sucking' } },
      {
        id: 'sexual-abuse.secret',
        label: {
          nl: 'Wil niet praten over een ‘geheimpje’ met een volwassene',
          en: 'Will not talk about a ‘secret’ shared with an adult',
        },
      },
      {
        id: 'sexual-abuse.older-friend',
        label: {
          nl: 'Vertelt over een nieuwe, oudere vriend en gaat daar vaak naartoe',
          en: 'Talks about a new, older friend and visits them often',
        },
      },
      { id: 'sexual-abuse.sudden-money', label: { nl: 'Heeft ineens veel geld', en: 'Suddenly has a lot of money' } },
      {
        id: 'sexual-abuse.genital-complaints',
        label: {
          nl: 'Klachten of letsel rond de geslachtsdelen of anus; pijn bij het plassen',
          en: 'Complaints or injuries around the genitals or anus; pain when urinating',
        },
      },
    ],
  },
  {
    id: 'emotional',
    letter: 'H',
    label: { nl: 'Emotionele mishandeling en emotionele verwaarlozing', en: 'Emotional abuse and emotional neglect' },
    note: {
      nl: 'Emotionele verwaarlozing komt het meest voor. Wat u bij het kind ziet, staat vaak al onder ‘Gedrag en emoties’ en ‘Omgang met ouders’.',
      en: "Emotional neglect is the most common form. What you see in the child is often already under ‘Behaviour and emotions’ and ‘Relationship with parents’.",
    },
    items: [
      {
        id: 'emotional.hostile-rejecting',
        label: {
          nl: 'Het kind krijgt herhaaldelijk vijandige of afwijzende reacties',
          en: 'The child repeatedly meets hostile or rejecting reactions',
        },
      },
      {
        id: 'emotional.belittled-threatened',
        label: {
          nl: 'Het kind wordt gekleineerd, bedreigd of opgesloten',
          en: 'The child is belittled, threatened or locked up',
        },
      },
      {
        id: 'emotional.lack-of-warmth',
        label: {
          nl: 'Langdurig gebrek aan positieve aandacht, warmte en steun',
          en: 'A long-term lack of positive attention, warmth and support',
        },
      },
      {
        id: 'emotional.lack-of-structure',
        label: { nl: 'Langdurig gebrek aan structuur en grenzen', en: 'A long-term lack of structure and boundaries' },
      },
    ],
  },
  {
    id: 'witnessing-violence',
    letter: 'I',
    label: { nl: 'Getuige van huiselijk geweld', en: 'Witnessing domestic violence' },
    note: {
      nl: 'Getuige zijn van geweld tussen ouders of van mishandeling van een broer of zus is (emotionele) kindermishandeling. Stelselmatig getuige zijn geldt als structurele onveiligheid.',
      en: 'Witnessing violence between parents, or the abuse of a brother or sister, is (emotional) child abuse. Witnessing it systematically counts as structural unsafety.',
    },
    items: [
      {
        id: 'witnessing-violence.partner-violence',
        label: { nl: 'Is getuige van geweld tussen de ouders', en: 'Witnesses violence between the parents' },
      },
      {
        id: 'witnessing-violence.sibling-abuse',
        label: { nl: 'Is getuige van mishandeling van een broer of zus', en: 'Witnesses the abuse of a brother or sister' },
      },
      {
        id: 'witnessing-violence.talks-about-fights',
        label: { nl: 'Vertelt over ruzie of politie thuis', en: 'Talks about fights or the police at home' },
        unconfirmed: true,
      },
      {
        id: 'witnessing-violence.reluctant-to-go-home',
        label: {
          nl: 'Maakt zich zorgen over een ouder, of gaat liever niet naar huis',
          en: 'Is worried about a parent, or would rather not go home',
        },
        unconfirmed: true,
      },
      {
        id: 'witnessing-violence.on-guard',
        label: { nl: 'Is steeds op zijn hoede of schrikt snel', en: 'Is constantly on guard or startles easily' },
        unconfirmed: true,
      },
    ],
  },
  {
    id: 'honour-related',
    letter: 'J',
    label: {
      nl: 'Eergerelateerd geweld, huwelijksdwang en achterlating',
      en: 'Honour-related violence, forced marriage and abandonment abroad',
    },
    note: {
      nl: 'Voor advies: Landelijk Knooppunt Huwelijksdwang en Achterlating (LKHA). Let bij huwelijksdwang vooral op in groep 7 en 8.',
      en: 'For advice: the national centre for forced marriage and abandonment abroad (LKHA). For forced marriage, be alert especially in groups 7 and 8.',
    },
    items: [
      {
        id: 'honour-related.fear-of-holiday',
        label: {
          nl: 'Is bang voor de komende vakantie of een familiebezoek in het buitenland',
          en: 'Is afraid of the coming holiday or a family visit abroad',
        },
      },
      {
        id: 'honour-related.last-minute-trip',
        label: { nl: 'Gaat op het laatste moment naar het land van herkomst', en: 'Leaves for the country of origin at the last minute' },
      },
      {
        id: 'honour-related.sudden-absence',
        label: { nl: 'Is plotseling afwezig, of komt na de zomervakantie niet terug', en: 'Is suddenly absent, or does not return after the summer holiday' },
      },
      {
        id: 'honour-related.striking-change',
        label: {
          nl: 'Opvallende verandering in gedrag (steeds meer teruggetrokken), houding (verbreekt vriendschappen) of kleding',
          en: 'A striking change in behaviour (more and more withdrawn), attitude (breaks off friendships) or clothing',
        },
      },
      {
        id: 'honour-related.picked-up-daily',
        label: { nl: 'Wordt ineens elke dag opgehaald door een broer of vader', en: 'Is suddenly picked up every day by a brother or father' },
      },
      {
        id: 'honour-related.documents-taken',
        label: { nl: 'Paspoort, geld of telefoon is afgepakt', en: 'Passport, money or phone has been taken away' },
      },
    ],
  },
  {
    id: 'fgm',
    letter: 'K',
    label: { nl: 'Vrouwelijke genitale verminking (meisjesbesnijdenis)', en: 'Female genital mutilation (FGM)' },
    note: {
      nl: 'Meisjes van ongeveer 4 tot 20 jaar uit risicolanden lopen risico, vooral rond vakanties. Staat de reisdatum vast en is die dichtbij, of vraagt het meisje om bescherming? Dan is er sprake van acute onveiligheid.',
      en: 'Girls of about 4 to 20 from risk countries are at risk, especially around holidays. Is the travel date set and near, or does the girl ask for protection? Then there is acute unsafety.',
    },
    items: [
      {
        id: 'fgm.ceremony-rumours',
        label: { nl: 'Dreiging: geruchten over een komend ‘feest’ of een ceremonie', en: 'Threat: rumours about a coming ‘celebration’ or ceremony' },
      },
      {
        id: 'fgm.trip-to-risk-country',
        label: {
          nl: 'Dreiging: een geplande vakantie of verhuizing naar een risicoland',
          en: 'Threat: a planned holiday or move to a risk country',
        },
      },
      {
        id: 'fgm.girl-hints',
        label: {
          nl: 'Dreiging: het meisje zinspeelt op iets, is bang voor de vakantie of vaag over de reis',
          en: 'Threat: the girl hints at something, is afraid of the holiday or vague about the trip',
        },
      },
      {
        id: 'fgm.mother-sisters',
        label: { nl: 'Dreiging: moeder of zussen zijn besneden', en: 'Threat: her mother or sisters are circumcised' },
      },
      {
        id: 'fgm.family-arguments',
        label: {
          nl: 'Dreiging: het gezin beroept zich op eer, traditie of reinheid, of voorkomt dat het meisje alleen met professionals praat',
          en: 'Threat: the family appeals to honour, tradition or purity, or prevents the girl from talking alone with professionals',
        },
      },
      {
        id: 'fgm.travel-date-near',
        label: {
          nl: 'Acuut: de reisdatum staat vast en is dichtbij, of de tickets zijn geregeld',
          en: 'Acute: the travel date is set and near, or the tickets are arranged',
        },
      },
      {
        id: 'fgm.asks-protection',
        label: { nl: 'Acuut: het meisje vraagt om bescherming', en: 'Acute: the girl asks for protection' },
      },
      {
        id: 'fgm.ill-or-absent-around-holiday',
        label: {
          nl: 'Mogelijk uitgevoerd: ziek tijdens de vakantie of afwezig na de vakantie; ziet er moe of bleek uit',
          en: 'Possibly performed: ill during the holiday or absent after it; looks tired or pale',
        },
      },
      {
        id: 'fgm.walking-sitting',
        label: { nl: 'Mogelijk uitgevoerd: moeite met lopen of zitten', en: 'Possibly performed: difficulty walking or sitting' },
      },
      {
        id: 'fgm.urinating',
        label: {
          nl: 'Mogelijk uitgevoerd: doet lang over plassen of moet vaak; blaasontstekingen',
          en: 'Possibly performed: takes long to urinate or goes often; urinary tract infections',
        },
      },
      {
        id: 'fgm.avoids-gym',
        label: {
          nl: 'Mogelijk uitgevoerd: ontloopt gym of zwemmen; teruggetrokken; concentratieproblemen',
          en: 'Possibly performed: avoids gym or swimming; withdrawn; concentration problems',
        },
      },
    ],
  },
  {
    id: 'exploitation',
    letter: 'L',
    label: { nl: 'Uitbuiting, loverboymethoden en mensenhandel', en: 'Exploitation, loverboy methods and human trafficking' },
    note: {
      nl: 'Speelt vooral vanaf 12 jaar; let op in groep 7 en 8.',
      en: 'Mostly from age 12; be alert in groups 7 and 8.',
    },
    items: [
      { id: 'exploitation.absence-results', label: { nl: 'Veel verzuim; resultaten gaan achteruit', en: 'High absence; results go down' } },
      {
        id: 'exploitation.always-reachable',
        label: {
          nl: 'Moet altijd bereikbaar zijn via de telefoon; heeft steeds een uitvlucht',
          en: 'Always has to be reachable by phone; always has an excuse',
        },
      },
      {
        id: 'exploitation.expensive-things',
        label: { nl: 'Heeft ineens dure kleding, spullen of geld', en: 'Suddenly has expensive clothes, things or money' },
      },
      {
        id: 'exploitation.picked-up',
        label: { nl: 'Wordt in de pauze of na school opgehaald of opgewacht', en: 'Is picked up or waited for at break or after school' },
      },
      {
        id: 'exploitation.new-older-contacts',
        label: { nl: 'Veel nieuwe of veel oudere contacten', en: 'Many new or much older contacts' },
      },
      { id: 'exploitation.tense-exhausted', label: { nl: 'Gespannen, angstig of uitgeput', en: 'Tense, anxious or exhausted' } },
      { id: 'exploitation.self-harm', label: { nl: 'Beschadigt zichzelf', en: 'Harms themselves' } },
      { id: 'exploitation.runs-away', label: { nl: 'Loopt weg', en: 'Runs away' } },
    ],
  },
  {
    id: 'parent-signals',
    letter: 'M',
    label: { nl: 'Signalen bij ouders', en: 'Signals in parents' },
    items: [
      {
        id: 'parent-signals.addiction',
        label: {
          nl: 'Ouder met een verslaving (alcohol of drugs), of die onder invloed op school komt',
          en: 'A parent with an addiction (alcohol or drugs), or who comes to school under the influence',
        },
      },
      {
        id: 'parent-signals.psychiatric',
        label: {
          nl: 'Ouder met ernstige psychische problemen of een langdurige depressie',
          en: 'A parent with serious mental health problems or long-term depression',
        },
      },
      {
        id: 'parent-signals.intellectual-disability',
        label: { nl: 'Ouder met een verstandelijke beperking', en: 'A parent with an intellectual disability' },
      },
      { id: 'parent-signals.partner-violence', label: { nl: 'Geweld tussen de ouders', en: 'Violence between the parents' } },
      { id: 'parent-signals.eviction', label: { nl: 'Dreigende huisuitzetting', en: 'Threatened eviction' } },
      { id: 'parent-signals.firearm', label: { nl: 'Bezit van een vuurwapen', en: 'Possession of a firearm' } },
      { id: 'parent-signals.debts', label: { nl: 'Ernstige schulden', en: 'Serious debts' } },
      {
        id: 'parent-signals.own-trauma',
        label: { nl: 'Ouder heeft zelf een traumatische geschiedenis', en: 'A parent has a traumatic history of their own' },
      },
      {
        id: 'parent-signals.belittles-child',
        label: { nl: 'Ouder scheldt het kind uit of kleineert het', en: 'A parent scolds or belittles the child' },
        unconfirmed: true,
      },
      {
        id: 'parent-signals.unrealistic-expectations',
        label: { nl: 'Ouder heeft onrealistische verwachtingen van het kind', en: 'A parent has unrealistic expectations of the child' },
        unconfirmed: true,
      },
      {
        id: 'parent-signals.misses-appointments',
        label: { nl: 'Ouder komt afspraken niet na', en: 'A parent does not keep appointments' },
        unconfirmed: true,
      },
      {
        id: 'parent-signals.avoids-professionals',
        label: { nl: 'Ouder ontloopt contact met school of hulpverleners', en: 'A parent avoids contact with school or professionals' },
        unconfirmed: true,
      },
    ],
  },
  {
    id: 'family-signals',
    letter: 'N',
    label: { nl: 'Signalen in gezin en omgeving', en: 'Signals in the family and surroundings' },
    items: [
      { id: 'family-signals.housing', label: { nl: 'Problemen met de woning', en: 'Housing problems' } },
      {
        id: 'family-signals.material-care',
        label: { nl: 'Onvoldoende materiële verzorging', en: 'Insufficient material care' },
      },
      {
        id: 'family-signals.finances',
        label: {
          nl: 'Geldproblemen of afhankelijkheid van een uitkering',
          en: 'Financial problems or dependence on benefits',
        },
      },
      { id: 'family-signals.unsafe-neighbourhood', label: { nl: 'Onveilige buurt', en: 'Unsafe neighbourhood' } },
      {
        id: 'family-signals.no-fixed-home',
        label: { nl: 'Geen vaste woonplek, of verhuist vaak', en: 'No fixed home, or moves often' },
      },
      {
        id: 'family-signals.health',
        label: {
          nl: 'Zorgen over de gezondheid of het lichamelijk functioneren in het gezin',
          en: 'Concerns about health or physical functioning in the family',
        },
      },
      { id: 'family-signals.social-isolation', label: { nl: 'Het gezin leeft geïsoleerd', en: 'The family lives in isolation' } },
    ],
  },
]);

/** Frozen all the way down: the catalogue is shared by every screen, so no caller may change it. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

const itemsById: ReadonlyMap<string, SignalItem> = new Map(SIGNAL_CATALOGUE.flatMap((category) => category.items.map((item) => [item.id, item] as const)));

/** Whether an id names an item of the catalogue (for example one received from a form). */
export function isSignalItemId(id: string): id is SignalItemId {
  return itemsById.has(id);
}

/** The item with this id, or undefined when the catalogue has none. */
export function findSignalItem(id: string): SignalItem | undefined {
  return itemsById.get(id);
}

/** The category with this id, or undefined when the catalogue has none. */
export function findSignalCategory(id: string): SignalCategory | undefined {
  return SIGNAL_CATALOGUE.find((category) => category.id === id);
}

/** The category an item belongs to: the part of its id before the dot. */
export function categoryOfItem(item: SignalItem): SignalCategory {
  const category = findSignalCategory(item.id.slice(0, item.id.indexOf('.')));
  // The catalogue test checks every item id starts with its category's id, so this cannot happen.
  if (!category) throw new Error(`Signal item ${item.id} has no category`);
  return category;
}
