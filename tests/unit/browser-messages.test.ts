import { beforeEach, describe, expect, it, vi } from "vitest";

// The browser's side: app/domain/dictionary.server.ts is an empty module there (Remix leaves
// `.server` modules out of the browser bundle); here it is replaced by one. Each test starts from
// fresh modules: nothing known, nothing loaded.
vi.mock("~/domain/dictionary.server", () => ({ dictionaries: undefined }));

const { dictionaries } = await import("~/domain/dictionary");

async function browser() {
  vi.resetModules();
  const i18n = await import("~/domain/i18n");
  const page = await import("~/components/i18n");
  return { i18n, page };
}

/** The next time the browser is given strings. */
function arrival(i18n: Awaited<ReturnType<typeof browser>>["i18n"]) {
  return new Promise<void>((resolve) => {
    const stop = i18n.subscribeMessages(() => (stop(), resolve()));
  });
}

class FakeDocument {
  listeners = new Map<string, Set<() => void>>();
  documentElement: { lang: string };
  constructor(
    private json: unknown,
    lang = "id",
  ) {
    this.documentElement = { lang };
  }
  getElementById(id: string) {
    return id === "app-messages" && this.json !== null ? { textContent: JSON.stringify(this.json) } : null;
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

beforeEach(() => vi.restoreAllMocks());

describe("translators in the browser", () => {
  it("start with the page's strings only, and fetch a language when a view asks for a string the page did not bring", async () => {
    const { i18n, page } = await browser();
    const document = new FakeDocument({
      strings: { id: { "login.title": "Masuk", "login.rateLimited": dictionaries.id["login.rateLimited"] } },
      absent: ["audit.field.colour"],
    });
    page.startPageMessages(document as unknown as Document);
    const t = i18n.translator("id");
    expect(t("login.title")).toBe("Masuk");
    expect(t("login.rateLimited", { minutes: 12 })).toBe(i18n.translator("id")("login.rateLimited", { minutes: 12 }));
    expect(t("login.rateLimited", { minutes: 12 })).toContain("12");
    expect(i18n.isMessageKey("login.title")).toBe(true);

    // a string the page did not bring reads empty for now, and its language arrives
    const indonesian = arrival(i18n);
    expect(t("nav.dashboard")).toBe("");
    await indonesian;
    expect(t("nav.dashboard")).toBe(dictionaries.id["nav.dashboard"]);
    expect(i18n.isMessageKey("status.ON_TRACK")).toBe(true);
    // the other language only when a view asks for it
    expect(i18n.translator("en")("nav.dashboard")).toBe("");
    await arrival(i18n);
    expect(i18n.translator("en")("nav.dashboard")).toBe(dictionaries.en["nav.dashboard"]);
  });

  it("answers as the server did for a text it found not to be a key, or that has no key's shape, without fetching anything", async () => {
    const { i18n, page } = await browser();
    page.startPageMessages(new FakeDocument({ strings: {}, absent: ["audit.field.colour"] }) as unknown as Document);
    let asked = 0;
    i18n.subscribeMessages(() => (asked += 1));
    expect(i18n.isMessageKey("audit.field.colour")).toBe(false);
    expect(i18n.isMessageKey("Budi Santoso")).toBe(false);
    // (a fetched language would have been given by now: the test below sees one arrive)
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(asked).toBe(0);
    expect(i18n.translator("id")("nav.dashboard")).toBe(""); // and nothing was loaded

  });

  it("fetches the page's language on the first touch, key, focus, click or submission, once", async () => {
    const { i18n, page } = await browser();
    const document = new FakeDocument({ strings: {}, absent: [] }, "en");
    page.startPageMessages(document as unknown as Document);
    expect(document.listening).toBe(6);
    const english = arrival(i18n);
    document.fire("focusin");
    expect(document.listening).toBe(0);
    await english; // (never, if the first use did not fetch it)
    expect(i18n.translator("en")("login.title")).toBe("Sign in");
    expect(i18n.translator("id")("login.title")).toBe(""); // the other language was not fetched
  });

  it("holds a navigation until the language has arrived", async () => {
    const { i18n, page } = await browser();
    page.startPageMessages(new FakeDocument({ strings: {}, absent: [] }) as unknown as Document);
    const seen: string[] = [];
    const router = { navigate: async (to: string) => void seen.push(`${to}: ${i18n.translator("id")("nav.dashboard")}`) };
    page.navigationsAwaitMessages(router as never, "id");
    await (router.navigate as (to: string) => Promise<void>)("/dashboard");
    expect(seen).toEqual([`/dashboard: ${dictionaries.id["nav.dashboard"]}`]);
  });

  it("loads each language's half of the dictionary whole", async () => {
    const [{ messages: id }, { messages: en }] = await Promise.all([import("~/domain/dictionary-id"), import("~/domain/dictionary-en")]);
    expect(id).toEqual(dictionaries.id);
    expect(en).toEqual(dictionaries.en);
  });
});
