// Obstacles handed to the campus or to a government unit, and the units' notes on items.
// Bahasa Indonesia first.
// Their English is in ./en/obstacles.ts (its own file: the browser loads one language).
export const id = {
  // who clears an obstacle
  "obstacle.ownedBy": "Ditangani",
  "obstacle.assignedOn": "diserahkan {date}",
  "obstacle.assign.open": "Serahkan kendala",
  "obstacle.assign.legend": "Siapa yang menyelesaikan kendala ini?",
  "obstacle.assign.side": "Ditangani oleh",
  "obstacle.assign.unit": "Perangkat Daerah",
  "obstacle.assign.chooseUnit": "— pilih perangkat daerah —",
  "obstacle.assign.ownerName": "Nama penanggung jawab",
  "obstacle.assign.submit": "Simpan penanggung jawab",
  "obstacle.assigned": "Penanggung jawab kendala disimpan.",
  "obstacle.unitRequired": "Pilih perangkat daerah yang menangani kendala ini.",
  "obstacle.unitInvalid": "Perangkat daerah ini tidak ada atau sudah tidak aktif.",
  "obstacle.waitingOnUnit": "Menunggu perangkat daerah (opsional)",
  "obstacle.waitingOnUnit.none": "— tidak, ditangani kampus —",

  // a government unit's note on an item
  "governmentNote.title": "Catatan Perangkat Daerah",
  "governmentNote.badge": "Catatan {unit}",
  "governmentNote.by": "oleh {name}",
  "governmentNote.body": "Catatan (apa yang sudah diberikan atau yang dibutuhkan perangkat daerah)",
  "governmentNote.hint": "Catatan ini masuk ke riwayat program dan tidak mengubah kemajuan atau status program.",
  "governmentNote.post": "Kirim catatan",
  "governmentNote.posted": "Catatan perangkat daerah terkirim.",

  // notifications and their e-mail subjects
  "notify.obstacleAssigned": "Kendala \"{obstacle}\" pada \"{item}\" diserahkan kepada perangkat daerah Anda.",
  "notify.obstacleResolvedByUnit": "{unit} menyelesaikan kendala \"{obstacle}\" pada \"{item}\".",
  "notify.governmentNote": "{unit} menambahkan catatan pada \"{item}\".",
  "mail.subject.notify.obstacleAssigned": "Kendala diserahkan kepada perangkat daerah Anda: \"{item}\" · {campus}",
  "mail.subject.notify.obstacleResolvedByUnit": "Kendala diselesaikan {unit}: \"{item}\" · {campus}",
  "mail.subject.notify.governmentNote": "Catatan {unit} pada \"{item}\" · {campus}",

  // the weekly digest of a unit's focal point
  "mail.digest.subjectUnit": "Ringkasan mingguan · {unit}",
  "mail.digest.introUnit": "Yang menunggu {unit} minggu ini. Setiap tautan membawa Anda langsung ke tempat mengerjakannya.",
  "mail.digest.unitObstacles": "Kendala yang ditangani {unit} (lewat target lebih dulu)",
  "mail.digest.lineUnitObstacle": "{obstacle} ({item} · {campus}), target {due}",
  "mail.digest.lineUnitObstaclePastDue": "LEWAT TARGET: {obstacle} ({item} · {campus}), target {due}",
  "mail.digest.unitUpdates": "Laporan kemajuan minggu ini pada program mitra {unit}",
  "mail.digest.lineUnitUpdate": "{item} · {campus}: {progress}% pada {date}",
} as const;
