import { describe, expect, it } from "vitest";
import { createHostLimiter } from "./host-limiter.ts";

/** A fake clock: sleep advances time instantly. */
function clock() {
  let t = 0;
  return {
    now: () => t,
    sleep: async (ms: number) => {
      t += ms;
    },
  };
}

describe("host limiter", () => {
  it("spaces requests to one host by the minimum interval and runs them one at a time", async () => {
    const c = clock();
    const limiter = createHostLimiter({ minIntervalMs: 1000, ...c });
    const starts: number[] = [];
    let running = 0;
    let maxRunning = 0;
    const task = async () => {
      starts.push(c.now());
      running++;
      maxRunning = Math.max(maxRunning, running);
      await Promise.resolve();
      running--;
    };
    await Promise.all([1, 2, 3].map((i) => limiter.run(`https://a.example/${i}`, task)));
    expect(starts).toEqual([0, 1000, 2000]);
    expect(maxRunning).toBe(1);
  });

  it("does not hold up other hosts", async () => {
    const c = clock();
    const limiter = createHostLimiter({ minIntervalMs: 1000, ...c });
    const starts: string[] = [];
    const task = (h: string) => async () => void starts.push(`${h}@${c.now()}`);
    await Promise.all([
      limiter.run("https://a.example/1", task("a")),
      limiter.run("https://b.example/1", task("b")),
      limiter.run("https://a.example/2", task("a")),
    ]);
    expect(starts).toEqual(["a@0", "b@0", "a@1000"]);
  });

  it("keeps going after a failed task and honours a per-host interval within bounds", async () => {
    const c = clock();
    const limiter = createHostLimiter({ minIntervalMs: 100, maxIntervalMs: 5000, ...c });
    limiter.setInterval("a.example", 60_000);
    await expect(
      limiter.run("https://a.example/x", async () => Promise.reject(new Error("boom"))),
    ).rejects.toThrow("boom");
    const t = await limiter.run("https://a.example/y", async () => c.now());
    expect(t).toBe(5000);
  });
});
