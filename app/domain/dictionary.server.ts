// The whole dictionary for the server's translators. A `.server` module is left out of the
// browser's bundle: the browser gets the strings of the page it is shown with the page, and the
// rest of the dictionary on first use (app/components/i18n.tsx).
export { dictionaries } from "./dictionary";
