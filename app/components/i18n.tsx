import { useRouteLoaderData } from "@remix-run/react";
import { translator, type Translate } from "~/domain/i18n";
import type { Locale } from "~/domain/enums";
import type { loader as rootLoader } from "~/root";

export function useRootData() {
  return useRouteLoaderData<typeof rootLoader>("root");
}

export function useLocale(): Locale {
  return useRootData()?.locale ?? "id";
}

export function useT(): Translate {
  return translator(useLocale());
}
