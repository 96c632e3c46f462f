import type { Translation } from './nl.js';

/** English, the second language. Typed against Dutch, so a missing or extra key fails the type check. */
export const en: Translation = {
  app: {
    name: 'Meldpad',
    tagline: "Your school's meldcode case file",
    skipToContent: 'Skip to content',
    loading: 'Loading…',
    homeLink: 'Meldpad, go to the start page',
  },
  lang: {
    label: 'Language',
    nl: 'Nederlands',
    en: 'English',
  },
  roles: {
    teacher: 'teacher',
    ib: 'internal care coordinator (IB)',
    smw: 'school social worker',
    director: 'school leadership',
    administrator: 'functional administrator',
    board: 'school board',
  },
  errors: {
    network: 'Meldpad cannot be reached. Check your internet connection and try again.',
    unexpected: 'Something went wrong in Meldpad. Please try again. If it keeps happening, contact the functional administrator.',
    required: 'Please fill in this field.',
    requiredSummary: 'Not all fields are filled in. Please fill in the marked fields.',
    loadFailedTitle: 'Something went wrong',
    retry: 'Try again',
  },
  safety: {
    title: 'Safety comes first',
    danger: 'Immediate danger? Call <tel>112</tel>.',
    veiligThuis: 'Advice or a report: Veilig Thuis, <tel>0800-2000</tel> (free, day and night)',
  },
  setup: {
    title: 'Set up Meldpad',
    intro:
      "This form sets up Meldpad for your school board and its first school, and creates the functional administrator's account.",
    checking: 'Checking whether Meldpad has been set up…',
    alreadyTitle: 'Meldpad has already been set up',
    alreadyText: 'This installation of Meldpad has already been set up. You can sign in with your account.',
    toLogin: 'Go to sign in',
    noTokenTitle: 'Setup link needed',
    noTokenText:
      "Meldpad can only be set up through the setup link. That link is printed in the server's start-up output: the text that appears when Meldpad is started.",
    noTokenOpenInFull:
      'Open the link in full, including the part after the # sign. If you do not have the link, ask the person who runs the server.',
    orgLegend: 'School board and school',
    boardName: 'Name of the school board or foundation',
    boardNameHint: 'For example: Stichting Openbaar Onderwijs aan de Rivier.',
    schoolName: "First school's name",
    schoolNameHint: 'The name by which colleagues and parents know the school.',
    adminLegend: 'Functional administrator',
    adminExplain:
      'The account you create now becomes the functional administrator. The functional administrator manages accounts and settings, but never sees the content of a case.',
    adminName: 'Full name',
    email: 'Email address',
    password: 'Password',
    passwordHint: 'At least 12 characters. A sentence of a few unrelated words is strong and easy to remember.',
    passwordRepeat: 'Repeat the password',
    passwordMismatch: 'The two passwords are not the same. Type the same password twice.',
    submit: 'Set up Meldpad',
    submitting: 'Setting up…',
    done: 'Meldpad has been set up. Sign in now with the account you just created.',
  },
  login: {
    title: 'Sign in',
    email: 'Email address',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    notSetUp: "Meldpad has not been set up yet. Open the setup link from the server's start-up output to begin.",
    help: 'Forgot your password, or lost access to your authenticator app? Contact the functional administrator of your school.',
    signedOut: 'You have signed out.',
    restart: 'Your sign-in has expired or was not completed. Please sign in again.',
  },
  enrol: {
    title: 'Set up two-step verification',
    intro:
      'Meldpad holds sensitive information about pupils. That is why, besides your password, Meldpad asks for a code from an app on your phone when you sign in.',
    preparing: 'Preparing…',
    appTitle: 'Install an authenticator app',
    appText:
      'Install an authenticator app on your phone, such as Microsoft Authenticator or Google Authenticator. A password manager that can generate codes works too.',
    scanTitle: 'Scan the QR code',
    scanText: "Open the app, choose to add a new account, and scan this QR code with your phone's camera.",
    qrAlt: 'QR code to add Meldpad to your authenticator app',
    qrLoading: 'Creating the QR code…',
    qrFailed: 'The QR code cannot be shown. Type the key below into your app instead.',
    secretLabel: 'Cannot scan? Type this key into the app instead:',
    confirmTitle: 'Enter the code',
    confirmText: 'The app now shows a six-digit code for Meldpad. Enter it below.',
    codeLabel: 'Code from the app',
    submit: 'Confirm',
    submitting: 'Checking…',
  },
  recovery: {
    title: 'Save your recovery codes',
    intro:
      'Two-step verification is set up. Below are ten recovery codes. With a recovery code you can sign in when you do not have your phone with you or have lost it. Each code works once.',
    warning:
      'You will see these codes only once. Print them or copy them to a safe place, such as a password manager. Do not keep them only on your phone.',
    listLabel: 'Your recovery codes',
    print: 'Print',
    copy: 'Copy',
    copied: 'The recovery codes have been copied.',
    copyFailed: 'Copying did not work. Select the codes and copy them yourself, or print them.',
    saved: 'I have saved the recovery codes',
  },
  code: {
    title: 'Enter the code from your app',
    intro: 'Open your authenticator app and enter the six-digit code it shows for Meldpad.',
    introRecovery: 'Enter one of your recovery codes. Each recovery code works once.',
    codeLabel: 'Code from the app',
    recoveryLabel: 'Recovery code',
    useRecovery: 'I do not have my phone with me — use a recovery code',
    useApp: 'Use the code from the app after all',
    submit: 'Sign in',
    submitting: 'Checking…',
    recoveryUsedTitle: 'Recovery code used',
    left_zero: 'You used a recovery code. You have no recovery codes left.',
    left_one: 'You used a recovery code. You have {{count}} left.',
    left_other: 'You used a recovery code. You have {{count}} left.',
    lowAdvice:
      'Running out of recovery codes, or lost your phone? Ask the functional administrator to reset your two-step verification. You will then also get new recovery codes.',
    continue: 'Continue to Meldpad',
  },
  shell: {
    navLabel: 'Main menu',
    navHome: 'Start',
    schoolSwitch: 'School',
    chooseSchool: 'Choose a school',
    signOut: 'Sign out',
    signingOut: 'Signing out…',
  },
  home: {
    title: 'Start',
    heading: 'Welcome, {{firstName}}',
    context: 'You work in Meldpad for {{place}} as {{roles}}.',
    whatTitle: 'What can you do here?',
    whatCase:
      "In Meldpad you record a worry about a pupil as a case. A case follows your school's meldcode route, from the first signal through to aftercare.",
    whatAudit:
      'Only the people involved in a case see its content. Meldpad keeps track of who records or views what, so it can always be traced who did what, and when.',
    routeTitle: 'The six steps of the meldcode',
    steps: {
      s1: {
        name: 'Noticing signals',
        text: 'You see or hear something about a pupil that worries you, and record it factually.',
      },
      s2: {
        name: 'Mapping the signals',
        text: 'Describing the signals as concretely as possible, doing the child check and discussing the worry with a colleague or the IB.',
      },
      s3: {
        name: 'Escalating',
        text: 'An intervention team of IB, school social worker and school leadership takes up the case and, if needed, asks Veilig Thuis for anonymous advice.',
      },
      s4: {
        name: 'Talking with the parents',
        text: "Discussing the worries and signals with the parents or carers, and recording their view.",
      },
      s5: {
        name: 'Weighing',
        text: 'Assessing the risk with the professionals involved and deciding whether a report to Veilig Thuis is needed.',
      },
      s6: {
        name: 'Aftercare',
        text: 'Continuing to follow the child and agreeing how school, child and parents go on together.',
      },
    },
  },
  notFound: {
    title: 'Page not found',
    text: 'This page does not exist. Perhaps the link is incomplete or out of date.',
    home: 'Go to the start page',
  },
};
