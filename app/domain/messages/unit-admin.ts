// Administration of government units (/admin/units). Bahasa Indonesia first.
export const id = {} as const;

export const en: Record<keyof typeof id, string> = {};
