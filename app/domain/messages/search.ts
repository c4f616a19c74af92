// Search: the header's box and the results page. Bahasa Indonesia first.
// Their English is in ./en/search.ts (its own file: the browser loads one language).
export const id = {
  "search.title": "Pencarian",
  "search.label": "Cari",
  "search.placeholder": "Cari kampus, program, tim…",
  "search.submit": "Cari",
  "search.intro": "Cari menurut nama: kampus, program Peta Jalan, tim bersama dan anggotanya, tonggak evaluasi, indikator.",
  "search.tooShort": "Ketik paling sedikit {min} huruf.",
  "search.resultsFor": "Hasil untuk \"{q}\"",
  "search.none": "Tidak ada yang cocok dengan \"{q}\".",
  "search.campuses": "Kampus",
  "search.items": "Program Peta Jalan",
  "search.teams": "Tim Bersama",
  "search.members": "Anggota tim",
  "search.milestones": "Tonggak Evaluasi",
  "search.indicators": "Indikator",
  "search.memberOf": "{role} · {team}",
  "search.metaDescription": "Cari kampus, program Peta Jalan, tim bersama, tonggak evaluasi dan indikator Kolaborasi Banten.",
} as const;
