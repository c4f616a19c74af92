// Obstacles handed to the campus or to a government unit, and the units' notes on items.
// Bahasa Indonesia first.
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

export const en: Record<keyof typeof id, string> = {
  "obstacle.ownedBy": "Owner",
  "obstacle.assignedOn": "assigned {date}",
  "obstacle.assign.open": "Hand over obstacle",
  "obstacle.assign.legend": "Who clears this obstacle?",
  "obstacle.assign.side": "Handled by",
  "obstacle.assign.unit": "Government unit",
  "obstacle.assign.chooseUnit": "— choose a government unit —",
  "obstacle.assign.ownerName": "Person responsible",
  "obstacle.assign.submit": "Save owner",
  "obstacle.assigned": "The obstacle's owner was saved.",
  "obstacle.unitRequired": "Choose the government unit that handles this obstacle.",
  "obstacle.unitInvalid": "This government unit does not exist or is retired.",
  "obstacle.waitingOnUnit": "Waiting on a government unit (optional)",
  "obstacle.waitingOnUnit.none": "— no, the campus handles it —",

  "governmentNote.title": "Government unit notes",
  "governmentNote.badge": "Note from {unit}",
  "governmentNote.by": "by {name}",
  "governmentNote.body": "Note (what the government unit delivered or needs)",
  "governmentNote.hint": "The note goes into the item's history and changes neither its progress nor its status.",
  "governmentNote.post": "Post note",
  "governmentNote.posted": "Government unit note posted.",

  "notify.obstacleAssigned": "The obstacle \"{obstacle}\" on \"{item}\" was handed to your government unit.",
  "notify.obstacleResolvedByUnit": "{unit} resolved the obstacle \"{obstacle}\" on \"{item}\".",
  "notify.governmentNote": "{unit} added a note on \"{item}\".",
  "mail.subject.notify.obstacleAssigned": "Obstacle handed to your government unit: \"{item}\" · {campus}",
  "mail.subject.notify.obstacleResolvedByUnit": "Obstacle resolved by {unit}: \"{item}\" · {campus}",
  "mail.subject.notify.governmentNote": "Note from {unit} on \"{item}\" · {campus}",

  "mail.digest.subjectUnit": "Weekly digest · {unit}",
  "mail.digest.introUnit": "What waits for {unit} this week. Each link takes you straight to where you act.",
  "mail.digest.unitObstacles": "Obstacles {unit} handles (past due first)",
  "mail.digest.lineUnitObstacle": "{obstacle} ({item} · {campus}), due {due}",
  "mail.digest.lineUnitObstaclePastDue": "PAST DUE: {obstacle} ({item} · {campus}), due {due}",
  "mail.digest.unitUpdates": "This week's progress updates on the items {unit} is the counterpart of",
  "mail.digest.lineUnitUpdate": "{item} · {campus}: {progress}% on {date}",
};
