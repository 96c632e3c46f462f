/** Veilig Thuis's national number: free, day and night, routed to the caller's region. */
export const VEILIG_THUIS_NATIONAL_PHONE = '0800-2000';

/** The Veilig Thuis number a school shows: its own region's when set, otherwise the national one. */
export function veiligThuisPhone(schoolSetting: string | null): string {
  return schoolSetting?.trim() || VEILIG_THUIS_NATIONAL_PHONE;
}
