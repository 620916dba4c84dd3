import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { ResponseCache } from "./response-cache.ts";

function appWith(cache: ResponseCache) {
  const app = new Hono();
  app.use("/api/*", cache.middleware());
  let computed = 0;
  app.get("/api/page/:id", (c) => {
    computed++;
    return c.json({ id: c.req.param("id"), text: "Ceasefire — day two" });
  });
  return { app, computed: () => computed };
}

describe("response cache", () => {
  it("answers hits with the bytes the miss sent", async () => {
    const { app, computed } = appWith(new ResponseCache({ ttlMs: 60_000, maxEntries: 10 }));
    const miss = await app.request("/api/page/1");
    const hit = await app.request("/api/page/1");
    expect(hit.headers.get("x-cache")).toBe("hit");
    expect(hit.headers.get("content-type")).toBe(miss.headers.get("content-type"));
    expect(await hit.text()).toBe(await miss.text());
    expect(await (await app.request("/api/page/1")).json()).toEqual({ id: "1", text: "Ceasefire — day two" });
    expect(computed()).toBe(1);
  });

  it("once full, keeps a page only when it is asked for a second time", async () => {
    const cache = new ResponseCache({ ttlMs: 60_000, maxEntries: 2 });
    const { app } = appWith(cache);
    const how = async (id: number) => (await app.request(`/api/page/${id}`)).headers.get("x-cache");
    for (const id of [1, 2, 3]) await how(id); // 3 evicts 1: the cache is full from now on
    expect([await how(2), await how(3)]).toEqual(["hit", "hit"]);
    expect(await how(4)).toBeNull(); // asked once: not kept, 2 and 3 stay
    expect([await how(2), await how(3)]).toEqual(["hit", "hit"]);
    expect(await how(4)).toBeNull(); // asked again: kept now
    expect(await how(4)).toBe("hit");
    cache.clear();
    expect([await how(5), await how(5)]).toEqual([null, "hit"]); // emptied: kept at once again
  });
});
