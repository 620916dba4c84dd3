import { describe, expect, it } from "vitest";
import { SitrepError } from "../model/errors.ts";
import { checkAddress, createAddressGuard } from "./address-guard.ts";

describe("address guard", () => {
  const cases: { name: string; ip: string; allow?: string[]; allowed: boolean; reason?: RegExp }[] = [
    { name: "public IPv4", ip: "93.184.216.34", allowed: true },
    { name: "public IPv6", ip: "2606:2800:220:1:248:1893:25c8:1946", allowed: true },
    { name: "loopback 127.0.0.1", ip: "127.0.0.1", allowed: false, reason: /loopback/ },
    { name: "loopback 127.0.0.2", ip: "127.0.0.2", allowed: false, reason: /loopback/ },
    { name: "loopback ::1", ip: "::1", allowed: false, reason: /loopback/ },
    { name: "private 10/8", ip: "10.1.2.3", allowed: false, reason: /private/ },
    { name: "private 172.16/12 low end", ip: "172.16.0.1", allowed: false, reason: /private/ },
    { name: "private 172.16/12 high end", ip: "172.31.255.254", allowed: false, reason: /private/ },
    { name: "just outside 172.16/12", ip: "172.32.0.1", allowed: true },
    { name: "private 192.168/16", ip: "192.168.1.1", allowed: false, reason: /private/ },
    { name: "link-local / cloud metadata", ip: "169.254.169.254", allowed: false, reason: /link-local/ },
    { name: "CGNAT 100.64/10", ip: "100.64.0.1", allowed: false, reason: /carrier-grade NAT/ },
    { name: "just outside CGNAT", ip: "100.128.0.1", allowed: true },
    { name: "this-network 0.0.0.0", ip: "0.0.0.0", allowed: false, reason: /this-network/ },
    { name: "multicast IPv4", ip: "224.0.0.251", allowed: false, reason: /multicast/ },
    { name: "broadcast", ip: "255.255.255.255", allowed: false, reason: /broadcast|reserved/ },
    { name: "reserved 240/4", ip: "240.0.0.1", allowed: false, reason: /reserved/ },
    { name: "unspecified ::", ip: "::", allowed: false, reason: /unspecified/ },
    { name: "unique-local fc00::/7", ip: "fd12:3456:789a::1", allowed: false, reason: /unique-local/ },
    { name: "link-local fe80::/10", ip: "fe80::1", allowed: false, reason: /link-local/ },
    { name: "link-local with zone id", ip: "fe80::1%eth0", allowed: false, reason: /link-local/ },
    { name: "multicast IPv6", ip: "ff02::1", allowed: false, reason: /multicast/ },
    { name: "IPv4-mapped loopback (dotted)", ip: "::ffff:127.0.0.1", allowed: false, reason: /loopback/ },
    { name: "IPv4-mapped private (hex)", ip: "::ffff:a00:1", allowed: false, reason: /private/ },
    { name: "IPv4-mapped public", ip: "::ffff:93.184.216.34", allowed: true },
    { name: "NAT64 embedding a private address", ip: "64:ff9b::10.0.0.1", allowed: false, reason: /embeds/ },
    { name: "6to4 embedding loopback", ip: "2002:7f00:1::", allowed: false, reason: /embeds/ },
    {
      name: "allow-listed loopback IP",
      ip: "127.0.0.1",
      allow: ["127.0.0.1"],
      allowed: true,
      reason: /allow-listed/,
    },
    {
      name: "allow-list of one IP does not cover its neighbour",
      ip: "127.0.0.2",
      allow: ["127.0.0.1"],
      allowed: false,
    },
    { name: "allow-listed CIDR", ip: "10.20.30.40", allow: ["10.20.0.0/16"], allowed: true },
    {
      name: "allow-listed IPv4 covers its mapped form",
      ip: "::ffff:127.0.0.1",
      allow: ["127.0.0.1"],
      allowed: true,
    },
    { name: "allow-listed IPv6", ip: "::1", allow: ["::1/128"], allowed: true },
    { name: "not an IP", ip: "example.com", allowed: false, reason: /not an IP/ },
  ];
  it.each(cases)("$name", ({ ip, allow, allowed, reason }) => {
    const verdict = checkAddress(ip, allow);
    expect(verdict.allowed).toBe(allowed);
    if (reason) expect(verdict.reason).toMatch(reason);
  });

  it("rejects a malformed allow-list entry at construction", () => {
    expect(() => createAddressGuard(["10.0.0.0/33"])).toThrow(SitrepError);
    expect(() => createAddressGuard(["localhost"])).toThrow(/not an IP/);
  });
});
