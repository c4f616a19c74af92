// Reference data of the collaboration, taken from the two press releases of 26–27 November 2025
// (shared/seed/banten-press-releases-2025-11.txt). Names are written exactly as released.

export const AGREEMENT = {
  kind: "MOU",
  title: "Kesepakatan Bersama antara Pemerintah Provinsi Banten dengan 12 Perguruan Tinggi",
  signedOn: "2025-11-26",
  place: "Pendopo Gubernur Banten, KP3B, Kota Serang",
  governmentSignatory: "Andra Soni, Gubernur Banten",
  // The Rector of ITT represented the 12 universities; ITT itself is not one of the signatories.
  campusRepresentative: "Safiyansyah Jaya Putra, Rektor Institut Teknologi Tangerang (ITT)",
  scope: { research: true, development: true, communityService: true, education: true },
  validFrom: "2025-11-26",
  // The releases give no end of validity: five years is assumed and said so in the summary.
  validUntil: "2030-11-25",
  documentRef: "Siaran pers Biro Administrasi Pimpinan Setda Provinsi Banten, Rabu 26 November 2025",
  summary:
    "Kerja sama penelitian, pengembangan, pengabdian dan pendidikan untuk mempercepat pembangunan Banten. " +
    "Ditindaklanjuti dengan pembentukan tim bersama, roadmap kolaborasi sesuai prioritas pembangunan daerah, " +
    "dan mekanisme evaluasi. Masa berlaku belum disebut dalam siaran pers; lima tahun diasumsikan.",
} as const;

export type CampusSeed = {
  slug: string;
  name: string;
  abbreviation: string | null;
  type: "INSTITUT" | "UNIVERSITAS" | "SEKOLAH_TINGGI";
  city: string | null;
  website: string | null;
};

// In the order of the release. City and website are not in the release: filled only where
// publicly certain, otherwise left for the campus to complete.
export const CAMPUSES: CampusSeed[] = [
  { slug: "itb", name: "Institut Teknologi Bandung", abbreviation: "ITB", type: "INSTITUT", city: "Kota Bandung", website: "https://www.itb.ac.id" },
  { slug: "unma", name: "Universitas Mathla’ul Anwar", abbreviation: "UNMA", type: "UNIVERSITAS", city: null, website: null },
  { slug: "umt", name: "Universitas Muhammadiyah Tangerang", abbreviation: "UMT", type: "UNIVERSITAS", city: "Kota Tangerang", website: "https://umt.ac.id" },
  { slug: "uin-jakarta", name: "Universitas Islam Negeri Syarif Hidayatullah Jakarta", abbreviation: "UIN Syarif Hidayatullah Jakarta", type: "UNIVERSITAS", city: "Kota Tangerang Selatan", website: "https://www.uinjkt.ac.id" },
  { slug: "untara", name: "Universitas Tangerang Raya", abbreviation: "UNTARA", type: "UNIVERSITAS", city: null, website: null },
  { slug: "ukri", name: "Universitas Kebangsaan Republik Indonesia", abbreviation: "UKRI", type: "UNIVERSITAS", city: null, website: null },
  { slug: "iti", name: "Institut Teknologi Indonesia", abbreviation: "ITI", type: "INSTITUT", city: "Kota Tangerang Selatan", website: null },
  { slug: "yatsi-madani", name: "Universitas Yatsi Madani", abbreviation: null, type: "UNIVERSITAS", city: null, website: null },
  { slug: "setia-budhi", name: "Universitas Setia Budhi Rangkasbitung", abbreviation: null, type: "UNIVERSITAS", city: "Rangkasbitung, Kabupaten Lebak", website: null },
  { slug: "unwim", name: "Universitas Winaya Mukti", abbreviation: "UNWIM", type: "UNIVERSITAS", city: null, website: null },
  { slug: "iknus", name: "Institut Kemandirian Nusantara", abbreviation: "IKNUS", type: "INSTITUT", city: null, website: null },
  { slug: "stisip-banten-raya", name: "Sekolah Tinggi Ilmu Sosial dan Ilmu Politik Banten Raya", abbreviation: "STISIP Banten Raya", type: "SEKOLAH_TINGGI", city: null, website: null },
];

export const GOVERNMENT_UNITS = [
  { code: "bappeda", name: "Badan Perencanaan Pembangunan Daerah", abbreviation: "Bappeda", kind: "BADAN", parentOrganization: "Pemerintah Provinsi Banten" },
  { code: "biro-adpim", name: "Biro Administrasi Pimpinan Setda Provinsi Banten", abbreviation: "Biro Adpim", kind: "BIRO", parentOrganization: "Sekretariat Daerah Provinsi Banten" },
  { code: "dindik", name: "Dinas Pendidikan", abbreviation: "Dindik", kind: "DINAS", parentOrganization: "Pemerintah Provinsi Banten" },
  { code: "dinkes", name: "Dinas Kesehatan", abbreviation: "Dinkes", kind: "DINAS", parentOrganization: "Pemerintah Provinsi Banten" },
  { code: "disnakertrans", name: "Dinas Tenaga Kerja dan Transmigrasi", abbreviation: "Disnakertrans", kind: "DINAS", parentOrganization: "Pemerintah Provinsi Banten" },
];

// The strategic issues the Governor named (governance, social, health, education, environment,
// regional economy), the infrastructure and human resources aims, and the industry partnership
// to reduce open unemployment.
export const PRIORITY_AREAS = [
  { code: "governance", nameId: "Tata Kelola Pemerintahan", nameEn: "Governance" },
  { code: "social", nameId: "Sosial", nameEn: "Social affairs" },
  { code: "health", nameId: "Kesehatan", nameEn: "Health" },
  { code: "education", nameId: "Pendidikan", nameEn: "Education" },
  { code: "environment", nameId: "Lingkungan Hidup", nameEn: "Environment" },
  { code: "regional-economy", nameId: "Ekonomi Daerah", nameEn: "Regional economy" },
  { code: "infrastructure", nameId: "Infrastruktur", nameEn: "Infrastructure" },
  { code: "human-resources", nameId: "Sumber Daya Manusia", nameEn: "Human resources" },
  {
    code: "employment",
    nameId: "Kemitraan Industri dan Penurunan Pengangguran Terbuka",
    nameEn: "Industry partnership and reducing open unemployment",
  },
];

export const INDICATORS = [
  {
    code: "bpjs-tk-coverage",
    nameId: "Cakupan kepesertaan BPJS Ketenagakerjaan",
    nameEn: "BPJS Ketenagakerjaan (employment social security) coverage",
    unit: "%",
    description:
      "Pekerja di Banten yang terlindungi jaminan sosial ketenagakerjaan: 2,73 juta dari 5,92 juta pekerja (46,03 %).",
    baselineYear: 2025,
    baselineValue: 46.03,
    direction: "INCREASE",
    source: "Siaran Pers No. 481/1343-RLS.ADPIM/XI/2025 (Paritrana Award, 27 November 2025)",
    priorityAreas: ["employment", "human-resources"],
    // "dalam waktu dekat" (near term) is not dated in the release: recorded against 2026.
    targets: [
      { year: 2026, value: 50, note: "Target jangka dekat (\"dalam waktu dekat\")" },
      { year: 2030, value: 65, note: "Target RPJMD 2030" },
    ],
    values: [
      { year: 2025, observedOn: "2025-11-27", value: 46.03, numerator: 2_730_000, denominator: 5_920_000 },
    ],
  },
  {
    code: "bpjs-tk-subsidised-vulnerable",
    nameId: "Pekerja rentan penerima subsidi iuran BPJS Ketenagakerjaan dari Pemprov Banten",
    nameEn: "Vulnerable workers whose BPJS Ketenagakerjaan contributions the province subsidises",
    unit: "orang",
    description: "3.600 nelayan dan 946 pengemudi ojek daring (2025).",
    baselineYear: 2025,
    baselineValue: 4546,
    direction: "INCREASE",
    source: "Siaran Pers No. 481/1343-RLS.ADPIM/XI/2025 (Paritrana Award, 27 November 2025)",
    priorityAreas: ["employment", "social"],
    targets: [],
    values: [{ year: 2025, observedOn: "2025-11-27", value: 4546, numerator: null, denominator: null }],
  },
] as const;
