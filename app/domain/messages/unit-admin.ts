// Administration of government units (/admin/units) and the units of a unit focal point's account
// (/admin/users). Bahasa Indonesia first.
// Their English is in ./en/unit-admin.ts (its own file: the browser loads one language).
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
