// The English of app/domain/messages/unit-admin.ts: the same keys (the type of `en` says so).
import type { id } from "../unit-admin";

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
