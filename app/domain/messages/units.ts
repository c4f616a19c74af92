// Government units (perangkat daerah): the role of their focal points, their kinds, the unit
// pages and filters. Bahasa Indonesia first.
export const id = {
  "role.UNIT": "PIC Perangkat Daerah",

  "unitKind.BADAN": "Badan",
  "unitKind.DINAS": "Dinas",
  "unitKind.BIRO": "Biro",

  "obstacle.ownerSide.CAMPUS": "Kampus",
  "obstacle.ownerSide.GOVERNMENT": "Perangkat daerah",
} as const;

export const en: Record<keyof typeof id, string> = {
  "role.UNIT": "Government unit focal point",

  "unitKind.BADAN": "Agency (badan)",
  "unitKind.DINAS": "Service (dinas)",
  "unitKind.BIRO": "Bureau (biro)",

  "obstacle.ownerSide.CAMPUS": "Campus",
  "obstacle.ownerSide.GOVERNMENT": "Government unit",
};
