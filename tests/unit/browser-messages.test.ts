import { afterEach, describe, expect, it, vi } from "vitest";

// The browser's side: app/domain/dictionary.server.ts is an empty module there (Remix leaves
// `.server` modules out of the browser bundle); here it is replaced by one.
vi.mock("~/domain/dictionary.server", () => ({ dictionaries: undefined }));

const i18n = await import("~/domain/i18n");
const { dictionaries } = await import("~/domain/dictionary");
const { startPageMessages, loadAllMessages } = await import("~/components/i18n");

class FakeDocument {
  listeners = new Map<string, Set<() => void>>();
  documentElement = { lang: "id" };
  constructor(private json: string | null) {}
  getElementById(id: string) {
    return id === i18n.PAGE_MESSAGES_ID && this.json !== null ? { textContent: this.json } : null;
  }
  addEventListener(type: string, listener: () => void) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(listener);
  }
  removeEventListener(type: string, listener: () => void) {
    this.listeners.get(type)?.delete(listener);
  }
  fire(type: string) {
    for (const listener of [...(this.listeners.get(type) ?? [])]) listener();
  }
  get listening() {
    return [...this.listeners.values()].reduce((n, set) => n + set.size, 0);
  }
}

afterEach(() => vi.restoreAllMocks());

describe("translators in the browser", () => {
  it("start with the page's strings only, and ask for the dictionary when one is missing", async () => {
    const page = new FakeDocument(JSON.stringify({ id: { "login.title": "Masuk", "login.rateLimited": dictionaries.id["login.rateLimited"] } }));
    const version = i18n.messagesVersion();
    startPageMessages(page as unknown as Document);
    expect(i18n.messagesVersion()).toBe(version + 1);

    const t = i18n.translator("id");
    expect(t("login.title")).toBe("Masuk");
    expect(t("login.rateLimited", { minutes: 12 })).toBe(dictionaries.id["login.rateLimited"].replace("{minutes}", "12"));
    expect(i18n.isMessageKey("login.title")).toBe(true);

    // a string the page did not bring reads empty for now, and its language is asked for
    const arrived = new Promise<void>((resolve) => i18n.subscribeMessages(resolve));
    expect(t("nav.dashboard")).toBe("");
    await arrived;
    expect(t("nav.dashboard")).toBe(dictionaries.id["nav.dashboard"]);
    expect(i18n.isMessageKey("status.ON_TRACK")).toBe(true);
    // the other language only when a view asks for it
    const english = new Promise<void>((resolve) => i18n.subscribeMessages(resolve));
    expect(i18n.translator("en")("nav.dashboard")).toBe("");
    await english;
    expect(i18n.translator("en")("nav.dashboard")).toBe(dictionaries.en["nav.dashboard"]);
  });

  it("loads the dictionary on the first touch, key or focus, once", async () => {
    const page = new FakeDocument(null);
    startPageMessages(page as unknown as Document);
    expect(page.listening).toBe(4);
    page.fire("focusin");
    expect(page.listening).toBe(0);
    await loadAllMessages("en");
    expect(i18n.translator("en")("login.title")).toBe("Sign in");
  });

  it("loads each language's half of the dictionary whole, and only that language", async () => {
    const [{ messages: id }, { messages: en }] = await Promise.all([import("~/domain/dictionary-id"), import("~/domain/dictionary-en")]);
    expect(id).toEqual(dictionaries.id);
    expect(en).toEqual(dictionaries.en);
  });
});
