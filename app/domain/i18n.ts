import type { Locale } from "./enums";

// The dictionary: every text a user reads, Bahasa Indonesia first. The English table must have
// exactly the same keys (the type below enforces it).
const id = {
  "app.name": "Kolaborasi Banten",
  "app.tagline": "Pemantauan Kesepakatan Bersama Pemerintah Provinsi Banten dan 12 Perguruan Tinggi",
  "app.demo": "DEMO",
  "app.demoNote": "Data demo dimuat: semua akun dan isi adalah contoh.",
  "app.skipToContent": "Langsung ke konten",
  "nav.main": "Navigasi utama",
  "nav.dashboard": "Dasbor",
  "nav.campuses": "Kampus",
  "nav.audit": "Jejak Audit",
  "nav.users": "Pengguna",
  "nav.account": "Akun Saya",
  "nav.login": "Masuk",
  "nav.logout": "Keluar",
  "nav.language": "Bahasa",
  "nav.switchTo": "English",
  "nav.menu": "Menu",

  "login.title": "Masuk",
  "login.intro": "Masuk dengan akun yang diberikan oleh administrator Biro Administrasi Pimpinan.",
  "login.email": "Email",
  "login.password": "Kata sandi",
  "login.submit": "Masuk",
  "login.submitting": "Sedang masuk…",
  "login.failed": "Email atau kata sandi salah, atau akun tidak aktif.",
  "login.rateLimited": "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {minutes} menit.",
  "login.sessionExpired": "Sesi Anda telah berakhir. Masuk lagi untuk melanjutkan; isian Anda disimpan dan akan dipulihkan.",
  "login.demoAccounts": "Akun demo",
  "login.demoPassword": "Kata sandi semua akun demo: {password}",
  "login.forgot": "Lupa kata sandi? Hubungi administrator: ia akan memberi Anda tautan atur ulang sekali pakai.",
  "logout.done": "Anda telah keluar.",

  "account.title": "Akun Saya",
  "account.changePassword": "Ubah kata sandi",
  "account.currentPassword": "Kata sandi saat ini",
  "account.newPassword": "Kata sandi baru",
  "account.confirmPassword": "Ulangi kata sandi baru",
  "account.save": "Simpan kata sandi",
  "account.passwordChanged": "Kata sandi diubah. Sesi lain Anda telah diakhiri.",
  "account.wrongPassword": "Kata sandi saat ini salah.",
  "account.role": "Peran",
  "account.campuses": "Kampus",

  "reset.title": "Atur ulang kata sandi",
  "reset.invalid": "Tautan ini tidak berlaku: sudah dipakai, kedaluwarsa, atau salah. Minta tautan baru kepada administrator.",
  "reset.submit": "Atur kata sandi",
  "reset.done": "Kata sandi telah diatur. Silakan masuk.",

  "role.ADMIN": "Administrator",
  "role.REVIEWER": "Peninjau (Biro Adpim)",
  "role.LIAISON": "Penghubung Kampus",
  "role.OBSERVER": "Pemantau",

  "campusType.INSTITUT": "Institut",
  "campusType.UNIVERSITAS": "Universitas",
  "campusType.SEKOLAH_TINGGI": "Sekolah Tinggi",

  "campuses.title": "Perguruan Tinggi Mitra",
  "campuses.intro": "12 perguruan tinggi penandatangan Kesepakatan Bersama dengan Pemerintah Provinsi Banten.",
  "campuses.name": "Nama",
  "campuses.type": "Jenis",
  "campuses.city": "Kota",
  "campuses.website": "Situs web",

  "agreement.title": "Kesepakatan Bersama",
  "agreement.signedOn": "Ditandatangani",
  "agreement.place": "Tempat",
  "agreement.validity": "Masa berlaku",
  "agreement.representative": "Mewakili perguruan tinggi",
  "agreement.status.ACTIVE": "Berlaku",
  "agreement.status.ENDING_SOON": "Segera berakhir",
  "agreement.status.EXPIRED": "Kedaluwarsa",
  "agreement.status.NOT_YET_VALID": "Belum berlaku",

  "users.title": "Pengguna",
  "users.email": "Email",
  "users.name": "Nama",
  "users.role": "Peran",
  "users.campuses": "Kampus",
  "users.active": "Aktif",
  "users.inactive": "Nonaktif",
  "users.lastLogin": "Terakhir masuk",
  "users.never": "Belum pernah",
  "users.create": "Tambah pengguna",
  "users.created": "Pengguna {email} dibuat.",
  "users.initialPassword": "Kata sandi awal",
  "users.save": "Simpan",
  "users.saved": "Perubahan pengguna disimpan.",
  "users.deactivate": "Nonaktifkan",
  "users.activate": "Aktifkan",
  "users.deactivated": "Pengguna dinonaktifkan; semua sesinya diakhiri.",
  "users.activated": "Pengguna diaktifkan.",
  "users.revokeSessions": "Akhiri semua sesi",
  "users.sessionsRevoked": "Semua sesi pengguna diakhiri.",
  "users.issueReset": "Buat tautan atur ulang kata sandi",
  "users.resetIssued": "Tautan atur ulang (berlaku {hours} jam, sekali pakai). Salin dan kirimkan kepada pengguna:",
  "users.emailTaken": "Email ini sudah dipakai akun lain.",
  "users.campusRequired": "Penghubung kampus harus terikat pada setidaknya satu kampus.",
  "users.edit": "Ubah",
  "users.activeSessions": "Sesi aktif",

  "audit.title": "Jejak Audit",
  "audit.time": "Waktu",
  "audit.actor": "Pelaku",
  "audit.action": "Tindakan",
  "audit.entity": "Data",
  "audit.changes": "Perubahan",
  "audit.ip": "IP",
  "audit.filter": "Saring",
  "audit.empty": "Belum ada kejadian.",
  "audit.system": "Sistem",
  "audit.older": "Lebih lama",

  "form.required": "Wajib diisi.",
  "form.invalidEmail": "Masukkan alamat email yang benar.",
  "form.tooLong": "Terlalu panjang.",
  "form.passwordTooShort": "Kata sandi minimal 10 karakter.",
  "form.passwordMismatch": "Kedua kata sandi tidak sama.",
  "form.invalidChoice": "Pilih salah satu pilihan yang tersedia.",
  "form.errorSummary": "Periksa kembali isian yang ditandai.",
  "form.saving": "Menyimpan…",
  "form.restored": "Isian Anda sebelum sesi berakhir telah dipulihkan. Periksa lalu kirim lagi.",

  "error.title": "Terjadi kesalahan",
  "error.400": "Permintaan tidak valid.",
  "error.403": "Anda tidak memiliki izin untuk tindakan ini.",
  "error.404": "Halaman atau data yang Anda cari tidak ditemukan.",
  "error.500": "Terjadi kesalahan pada server. Coba lagi nanti.",
  "error.back": "Kembali ke beranda",

  "home.title": "Beranda",
  "dashboard.title": "Dasbor",
  "dashboard.placeholder": "Ringkasan status 12 kampus.",
} as const;

export type MessageKey = keyof typeof id;

const en: Record<MessageKey, string> = {
  "app.name": "Banten Collaboration",
  "app.tagline": "Tracking the joint agreement between the Banten Provincial Government and 12 universities",
  "app.demo": "DEMO",
  "app.demoNote": "Demo data is loaded: every account and record is an example.",
  "app.skipToContent": "Skip to content",
  "nav.main": "Main navigation",
  "nav.dashboard": "Dashboard",
  "nav.campuses": "Campuses",
  "nav.audit": "Audit trail",
  "nav.users": "Users",
  "nav.account": "My account",
  "nav.login": "Sign in",
  "nav.logout": "Sign out",
  "nav.language": "Language",
  "nav.switchTo": "Bahasa Indonesia",
  "nav.menu": "Menu",

  "login.title": "Sign in",
  "login.intro": "Sign in with the account given to you by the administrator of the Biro Administrasi Pimpinan.",
  "login.email": "Email",
  "login.password": "Password",
  "login.submit": "Sign in",
  "login.submitting": "Signing in…",
  "login.failed": "Wrong email or password, or the account is not active.",
  "login.rateLimited": "Too many failed sign-in attempts. Try again in {minutes} minutes.",
  "login.sessionExpired": "Your session has ended. Sign in again to continue; what you typed was kept and will be restored.",
  "login.demoAccounts": "Demo accounts",
  "login.demoPassword": "Password of every demo account: {password}",
  "login.forgot": "Forgot your password? Ask an administrator for a one-time reset link.",
  "logout.done": "You have signed out.",

  "account.title": "My account",
  "account.changePassword": "Change password",
  "account.currentPassword": "Current password",
  "account.newPassword": "New password",
  "account.confirmPassword": "Repeat the new password",
  "account.save": "Save password",
  "account.passwordChanged": "Password changed. Your other sessions were ended.",
  "account.wrongPassword": "The current password is wrong.",
  "account.role": "Role",
  "account.campuses": "Campuses",

  "reset.title": "Reset password",
  "reset.invalid": "This link is not valid: it was used, has expired or is wrong. Ask an administrator for a new one.",
  "reset.submit": "Set password",
  "reset.done": "Your password is set. Please sign in.",

  "role.ADMIN": "Administrator",
  "role.REVIEWER": "Reviewer (governor's office)",
  "role.LIAISON": "Campus liaison",
  "role.OBSERVER": "Observer",

  "campusType.INSTITUT": "Institute",
  "campusType.UNIVERSITAS": "University",
  "campusType.SEKOLAH_TINGGI": "College (sekolah tinggi)",

  "campuses.title": "Partner universities",
  "campuses.intro": "The 12 universities that signed the joint agreement with the Banten Provincial Government.",
  "campuses.name": "Name",
  "campuses.type": "Type",
  "campuses.city": "City",
  "campuses.website": "Website",

  "agreement.title": "Joint agreement",
  "agreement.signedOn": "Signed",
  "agreement.place": "Place",
  "agreement.validity": "Valid",
  "agreement.representative": "On behalf of the universities",
  "agreement.status.ACTIVE": "Active",
  "agreement.status.ENDING_SOON": "Ending soon",
  "agreement.status.EXPIRED": "Expired",
  "agreement.status.NOT_YET_VALID": "Not yet valid",

  "users.title": "Users",
  "users.email": "Email",
  "users.name": "Name",
  "users.role": "Role",
  "users.campuses": "Campuses",
  "users.active": "Active",
  "users.inactive": "Deactivated",
  "users.lastLogin": "Last sign-in",
  "users.never": "Never",
  "users.create": "Add user",
  "users.created": "User {email} created.",
  "users.initialPassword": "Initial password",
  "users.save": "Save",
  "users.saved": "User changes saved.",
  "users.deactivate": "Deactivate",
  "users.activate": "Activate",
  "users.deactivated": "User deactivated; all their sessions were ended.",
  "users.activated": "User activated.",
  "users.revokeSessions": "End all sessions",
  "users.sessionsRevoked": "All of the user's sessions were ended.",
  "users.issueReset": "Create a password reset link",
  "users.resetIssued": "Reset link (valid {hours} hours, single use). Copy it and send it to the user:",
  "users.emailTaken": "Another account already uses this email.",
  "users.campusRequired": "A campus liaison must serve at least one campus.",
  "users.edit": "Edit",
  "users.activeSessions": "Active sessions",

  "audit.title": "Audit trail",
  "audit.time": "Time",
  "audit.actor": "Actor",
  "audit.action": "Action",
  "audit.entity": "Record",
  "audit.changes": "Changes",
  "audit.ip": "IP",
  "audit.filter": "Filter",
  "audit.empty": "No events yet.",
  "audit.system": "System",
  "audit.older": "Older",

  "form.required": "Required.",
  "form.invalidEmail": "Enter a valid email address.",
  "form.tooLong": "Too long.",
  "form.passwordTooShort": "The password needs at least 10 characters.",
  "form.passwordMismatch": "The two passwords differ.",
  "form.invalidChoice": "Choose one of the options offered.",
  "form.errorSummary": "Please check the marked fields.",
  "form.saving": "Saving…",
  "form.restored": "What you typed before your session ended has been restored. Check it and send it again.",

  "error.title": "Something went wrong",
  "error.400": "The request is not valid.",
  "error.403": "You are not allowed to do this.",
  "error.404": "The page or record you are looking for was not found.",
  "error.500": "The server ran into an error. Please try again later.",
  "error.back": "Back to the start page",

  "home.title": "Home",
  "dashboard.title": "Dashboard",
  "dashboard.placeholder": "Status summary of the 12 campuses.",
};

const dictionaries: Record<Locale, Record<MessageKey, string>> = { id, en };

export type Translate = (key: MessageKey | string, params?: Record<string, string | number>) => string;

export function isMessageKey(key: string): key is MessageKey {
  return key in id;
}

/** A translator for a locale. Unknown keys are returned as they are (e.g. free text). */
export function translator(locale: Locale): Translate {
  const dictionary = dictionaries[locale];
  return (key, params) => {
    const text = isMessageKey(key) ? dictionary[key] : key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
  };
}

export const INTL_LOCALE: Record<Locale, string> = { id: "id-ID", en: "en-GB" };

export function formatDate(date: Date | string | null | undefined, locale: Locale): string {
  if (!date) return "–";
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(date),
  );
}

export function formatDateTime(date: Date | string | null | undefined, locale: Locale): string {
  if (!date) return "–";
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Jakarta",
  }).format(new Date(date));
}

export function formatNumber(value: number, locale: Locale, digits = 0): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

export function formatPercent(value: number, locale: Locale, digits = 0): string {
  return `${formatNumber(value, locale, digits)} %`;
}

export function formatIdr(value: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], {
    style: "currency",
    currency: "IDR",
    maximumFractionDigits: 0,
  }).format(value);
}
