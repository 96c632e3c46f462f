/** Where the check of a dossier PDF lives in the app. */
export const VERIFY_PDF_PATH = '/pdf-controleren';
