// The English of app/domain/messages/admin.ts: the same keys (the type of `en` says so).
import type { id } from "../admin";

export const en: Record<keyof typeof id, string> = {
  "users.intro": "Manage accounts, roles and the campuses liaisons serve.",
  "users.count": "{count, plural, one {# account} other {# accounts}}",
  "users.you": "(you)",
  "users.status": "Status",
  "users.createdAt": "Created",
  "users.back": "Back to the user list",
  "users.profile": "Profile and role",
  "users.access": "Access and password",
  "users.campusesHint": "For campus liaisons only; choose at least one.",
  "users.passwordHint": "At least 10 characters. Give it to the user over a safe channel.",
  "users.cannotDemoteSelf": "You cannot change the role of your own account; ask another administrator.",
  "users.cannotDeactivateSelf": "You cannot deactivate your own account; ask another administrator.",
  "users.unknownCampus": "Unknown campus selected.",
  "users.resetInactive": "Activate this account first; reset links do not work for deactivated accounts.",
  "users.deactivateHint": "A deactivated account cannot sign in; all its sessions end at once.",
  "users.revokeHint": "Signs the user out on every device without deactivating the account.",
  "users.resetHint": "There is no mail server: copy the link and send it to the user yourself. Any earlier link stops working.",
  "users.resetOnce": "This link is shown only once. Copy it now.",
  "reset.intro": "Choose a new password for {email}. All earlier sessions of this account will end.",
};
