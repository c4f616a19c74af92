// Meta descriptions of the main pages (what a search engine or a shared link shows). Bahasa Indonesia first.
// Their English is in ./en/pages.ts (its own file: the browser loads one language).
export const id = {
  "meta.login": "Masuk ke Kolaborasi Banten, pemantauan Kesepakatan Bersama Pemerintah Provinsi Banten dan 12 perguruan tinggi.",
  "meta.dashboard": "Dasbor Biro Adpim: kampus yang tertinggal dan sebabnya, angka utama, sebaran per prioritas dan bidang.",
  "meta.campuses": "Dua belas kampus penanda tangan Kesepakatan Bersama dengan status program Peta Jalan masing-masing.",
  "meta.campus": "Ruang kerja kampus: yang perlu perhatian, program Peta Jalan, tonggak evaluasi, kendala, tim bersama dan perjanjian.",
  "meta.teams": "Tim bersama kampus: anggota unsur kampus, pemerintah daerah dan industri, kedudukan dan SK.",
  "meta.item": "Program Peta Jalan: laporan kemajuan, kendala, tonggak evaluasi dan riwayatnya.",
  "meta.checkIn": "Laporan bulanan kampus: semua program yang masih berjalan dalam satu halaman.",
  "meta.roadmap": "Linimasa Peta Jalan per triwulan, dengan tonggak evaluasi dan program yang melewati jadwal.",
  "meta.review": "Antrean Tinjauan: tonggak evaluasi yang menunggu keputusan Biro Adpim, yang terlama lebih dulu.",
  "meta.indicators": "Indikator RPJMD: target, capaian, arah lintasan dan program yang berkontribusi.",
  "meta.quarters": "Triwulan yang ditutup: keadaan program dibekukan per akhir triwulan, dan perbandingan antartriwulan.",
  "meta.notifications": "Notifikasi Anda: pengingat, keputusan tonggak evaluasi dan komentar.",
  "meta.briefing": "Ringkasan satu halaman untuk Gubernur: kampus, tonggak, kendala dan indikator.",
  "meta.import": "Impor program Peta Jalan dari spreadsheet: templat, pratinjau, impor sekaligus.",
  "meta.reminders": "Pengingat laporan untuk kampus yang programnya lama tidak dilaporkan.",
  "login.insecureTitle": "Sesi tidak dapat disimpan lewat http biasa",
  "login.insecure": "Alamat ini dibuka lewat http tanpa TLS, sedangkan server mengirim cookie sesi sebagai Secure (khusus https). Browser akan membuang cookie itu dan Anda kembali ke halaman ini setelah masuk. Buka aplikasi lewat https (di belakang reverse proxy TLS), atau, hanya untuk uji di jaringan lokal, jalankan server dengan COOKIE_SECURE=false.",
} as const;
