import { createContext, useContext } from "react";
import type { Locale } from "~/domain/enums";

const LocaleContext = createContext<Locale>("id");

/**
 * The reader's language for the views below it: the root layout gives the root loader's, and a part
 * rendered on its own (app/components/static-markup.tsx) gives the page's, without Remix's context.
 */
export const LocaleProvider = LocaleContext.Provider;

export function useLocale(): Locale {
  return useContext(LocaleContext);
}
