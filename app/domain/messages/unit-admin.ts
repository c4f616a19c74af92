// Administration of government units (/admin/units) and the units of a unit focal point's account
// (/admin/users). Bahasa Indonesia first.
export const id = {
  "nav.adminUnits": "Kelola Perangkat Daerah",
  "meta.adminUnits": "Kelola perangkat daerah: tambah, ubah, pensiunkan, dan aktifkan kembali.",

  "unitAdmin.title": "Perangkat Daerah",
  "unitAdmin.intro":
    "Perangkat daerah yang menjadi mitra program. Perangkat daerah tidak pernah dihapus karena memiliki riwayat; yang sudah tidak ada dipensiunkan dan tidak lagi ditawarkan untuk data baru.",
  "unitAdmin.count": "{count} perangkat daerah",
  "unitAdmin.listTitle": "Daftar perangkat daerah",
  "unitAdmin.create": "Tambah perangkat daerah",
  "unitAdmin.createSubmit": "Tambah",
  "unitAdmin.created": "Perangkat daerah {name} ditambahkan.",
  "unitAdmin.saved": "Perubahan perangkat daerah disimpan.",
  "unitAdmin.retiredToast": "Perangkat daerah {name} dipensiunkan.",
  "unitAdmin.reinstatedToast": "Perangkat daerah {name} diaktifkan kembali.",
  "unitAdmin.back": "Kembali ke daftar perangkat daerah",

  "unitAdmin.field.name": "Nama",
  "unitAdmin.field.abbreviation": "Singkatan",
  "unitAdmin.field.kind": "Jenis",
  "unitAdmin.field.parentOrganization": "Organisasi induk",
  "unitAdmin.field.code": "Kode (alamat)",
  "unitAdmin.codeHint": "Kode alamat dibentuk dari singkatan (atau nama bila tanpa singkatan): huruf kecil dan tanda hubung.",
  "unitAdmin.parentHint": "Misalnya Pemerintah Provinsi Banten atau Sekretariat Daerah Provinsi Banten.",
  "unitAdmin.codeTaken": "Kode {code} sudah dipakai perangkat daerah lain; ubah singkatan atau nama.",
  "unitAdmin.codeEmpty": "Nama atau singkatan harus memuat huruf atau angka untuk membentuk kode.",

  "unitAdmin.col.items": "Program (mitra)",
  "unitAdmin.col.users": "PIC",
  "unitAdmin.col.status": "Status",
  "unitAdmin.active": "Aktif",
  "unitAdmin.retired": "Dipensiunkan",
  "unitAdmin.retiredOn": "Dipensiunkan {date}",
  "unitAdmin.edit": "Ubah",
  "unitAdmin.details": "Data perangkat daerah",
  "unitAdmin.updateSubmit": "Simpan perubahan",
  "unitAdmin.conflictTitle": "Perangkat daerah ini diubah orang lain setelah formulir Anda dibuka",

  "unitAdmin.retireTitle": "Pensiunkan perangkat daerah",
  "unitAdmin.retireHint":
    "Perangkat daerah yang dipensiunkan tidak lagi ditawarkan untuk program, anggota tim, perjanjian, atau PIC baru. Data yang sudah ada tetap menampilkannya.",
  "unitAdmin.retireConfirm": "Ya, saya ingin memensiunkan {name}.",
  "unitAdmin.retireConfirmRequired": "Centang konfirmasi untuk memensiunkan perangkat daerah ini.",
  "unitAdmin.retireSubmit": "Pensiunkan",
  "unitAdmin.reinstateTitle": "Aktifkan kembali",
  "unitAdmin.reinstateHint": "Perangkat daerah ini akan kembali ditawarkan untuk data baru.",
  "unitAdmin.reinstateSubmit": "Aktifkan kembali",

  "users.units": "Perangkat daerah",
  "users.unitsHint": "Hanya untuk PIC Perangkat Daerah; wajib dipilih setidaknya satu.",
  "users.unitRequired": "PIC Perangkat Daerah harus melayani setidaknya satu perangkat daerah.",
  "users.unknownUnit": "Perangkat daerah yang dipilih tidak dikenal atau sudah dipensiunkan.",
  "users.unitRetiredMark": "(dipensiunkan)",

  "audit.entity.GovernmentUnit": "Perangkat Daerah",
  "audit.action.retire": "Pensiunkan",
  "audit.action.reinstate": "Aktifkan kembali",
} as const;

export const en: Record<keyof typeof id, string> = {
  "nav.adminUnits": "Manage government units",
  "meta.adminUnits": "Manage government units: add, edit, retire and reinstate.",

  "unitAdmin.title": "Government units",
  "unitAdmin.intro":
    "The government units (perangkat daerah) that are counterparts of the programmes. A unit is never deleted because it has a history; one that no longer exists is retired and no longer offered for new data.",
  "unitAdmin.count": "{count, plural, one {# unit} other {# units}}",
  "unitAdmin.listTitle": "All units",
  "unitAdmin.create": "Add a government unit",
  "unitAdmin.createSubmit": "Add",
  "unitAdmin.created": "Government unit {name} added.",
  "unitAdmin.saved": "Government unit saved.",
  "unitAdmin.retiredToast": "Government unit {name} retired.",
  "unitAdmin.reinstatedToast": "Government unit {name} reinstated.",
  "unitAdmin.back": "Back to the government units",

  "unitAdmin.field.name": "Name",
  "unitAdmin.field.abbreviation": "Abbreviation",
  "unitAdmin.field.kind": "Kind",
  "unitAdmin.field.parentOrganization": "Parent organisation",
  "unitAdmin.field.code": "Code (address)",
  "unitAdmin.codeHint": "The address code is made from the abbreviation (or the name without one): lower-case letters and hyphens.",
  "unitAdmin.parentHint": "For example Pemerintah Provinsi Banten or Sekretariat Daerah Provinsi Banten.",
  "unitAdmin.codeTaken": "The code {code} is already used by another unit; change the abbreviation or the name.",
  "unitAdmin.codeEmpty": "The name or abbreviation must contain letters or digits to make a code from.",

  "unitAdmin.col.items": "Items (counterpart)",
  "unitAdmin.col.users": "Focal points",
  "unitAdmin.col.status": "Status",
  "unitAdmin.active": "Active",
  "unitAdmin.retired": "Retired",
  "unitAdmin.retiredOn": "Retired {date}",
  "unitAdmin.edit": "Edit",
  "unitAdmin.details": "Unit details",
  "unitAdmin.updateSubmit": "Save changes",
  "unitAdmin.conflictTitle": "Someone else changed this unit after you opened the form",

  "unitAdmin.retireTitle": "Retire the unit",
  "unitAdmin.retireHint":
    "A retired unit is no longer offered for new items, team members, agreements or focal points. Existing data keeps showing it.",
  "unitAdmin.retireConfirm": "Yes, I want to retire {name}.",
  "unitAdmin.retireConfirmRequired": "Tick the confirmation to retire this unit.",
  "unitAdmin.retireSubmit": "Retire",
  "unitAdmin.reinstateTitle": "Reinstate",
  "unitAdmin.reinstateHint": "The unit will be offered for new data again.",
  "unitAdmin.reinstateSubmit": "Reinstate",

  "users.units": "Government units",
  "users.unitsHint": "For government unit focal points only; choose at least one.",
  "users.unitRequired": "A government unit focal point must serve at least one unit.",
  "users.unknownUnit": "Unknown or retired government unit selected.",
  "users.unitRetiredMark": "(retired)",

  "audit.entity.GovernmentUnit": "Government unit",
  "audit.action.retire": "Retire",
  "audit.action.reinstate": "Reinstate",
};
