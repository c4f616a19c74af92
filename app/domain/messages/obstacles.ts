// Obstacles handed to the campus or to a government unit, and the units' notes on items.
// Bahasa Indonesia first.
export const id = {} as const;

export const en: Record<keyof typeof id, string> = {};
