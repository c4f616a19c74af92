// Messages of user administration and password reset links. The basic users.* and reset.* keys
// live in core.ts (the sign-in frame uses them too); these are the administration pages' own.
// Their English is in ./en/admin.ts (its own file: the browser loads one language).
export const id = {
  "users.intro": "Kelola akun, peran, dan kampus yang dilayani penghubung.",
  "users.count": "{count} akun",
  "users.you": "(Anda)",
  "users.status": "Status",
  "users.createdAt": "Dibuat",
  "users.back": "Kembali ke daftar pengguna",
  "users.profile": "Profil dan peran",
  "users.access": "Akses dan kata sandi",
  "users.campusesHint": "Hanya untuk Penghubung Kampus; wajib dipilih setidaknya satu.",
  "users.passwordHint": "Minimal 10 karakter. Sampaikan kepada pengguna melalui jalur yang aman.",
  "users.cannotDemoteSelf": "Anda tidak dapat mengubah peran akun Anda sendiri; minta administrator lain.",
  "users.cannotDeactivateSelf": "Anda tidak dapat menonaktifkan akun Anda sendiri; minta administrator lain.",
  "users.unknownCampus": "Kampus yang dipilih tidak dikenal.",
  "users.resetInactive": "Aktifkan akun ini terlebih dahulu; tautan atur ulang tidak berlaku untuk akun nonaktif.",
  "users.deactivateHint": "Akun nonaktif tidak dapat masuk; semua sesinya langsung diakhiri.",
  "users.revokeHint": "Mengeluarkan pengguna dari semua perangkat tanpa menonaktifkan akunnya.",
  "users.resetHint": "Tidak ada server email: salin tautan dan kirimkan sendiri kepada pengguna. Tautan sebelumnya tidak berlaku lagi.",
  "users.resetOnce": "Tautan ini hanya ditampilkan sekali. Salin sekarang.",
  "reset.intro": "Buat kata sandi baru untuk {email}. Setelah itu semua sesi lama akun ini diakhiri.",
} as const;
