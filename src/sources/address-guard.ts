import { isIPv4, isIPv6 } from "node:net";
import { SitrepError } from "../model/errors.ts";

/** Outcome of checking one IP address. */
export type AddressVerdict = { allowed: true; reason: string } | { allowed: false; reason: string };

interface Range {
  v6: boolean;
  base: bigint;
  bits: number;
  name: string;
}

// IANA special-purpose registries (RFC 6890 and successors): nothing here is a public web server.
const REFUSED_V4: [string, string][] = [
  ["0.0.0.0/8", "this-network"],
  ["10.0.0.0/8", "private"],
  ["100.64.0.0/10", "carrier-grade NAT"],
  ["127.0.0.0/8", "loopback"],
  ["169.254.0.0/16", "link-local"],
  ["172.16.0.0/12", "private"],
  ["192.0.0.0/24", "IETF protocol assignments"],
  ["192.0.2.0/24", "documentation"],
  ["192.168.0.0/16", "private"],
  ["198.18.0.0/15", "benchmarking"],
  ["198.51.100.0/24", "documentation"],
  ["203.0.113.0/24", "documentation"],
  ["224.0.0.0/4", "multicast"],
  ["240.0.0.0/4", "reserved"],
  ["255.255.255.255/32", "broadcast"],
];
const REFUSED_V6: [string, string][] = [
  ["::/128", "unspecified"],
  ["::1/128", "loopback"],
  ["::/96", "IPv4-compatible"],
  ["64:ff9b:1::/48", "local NAT64"],
  ["100::/64", "discard-only"],
  ["2001::/32", "Teredo"],
  ["2001:db8::/32", "documentation"],
  ["fc00::/7", "unique-local"],
  ["fe80::/10", "link-local"],
  ["fec0::/10", "site-local"],
  ["ff00::/8", "multicast"],
];
// Prefixes whose low 32 bits (or bits 16..48 for 6to4) carry an IPv4 address that must be checked too.
const MAPPED = parseCidr("::ffff:0:0/96", "IPv4-mapped");
const NAT64 = parseCidr("64:ff9b::/96", "NAT64");
const SIX_TO_FOUR = parseCidr("2002::/16", "6to4");

function v4ToBigInt(ip: string): bigint {
  return ip.split(".").reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function v6ToBigInt(ip: string): bigint {
  let text = ip.replace(/%.*$/, "");
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (dotted) {
    const v4 = v4ToBigInt(dotted);
    text = `${text.slice(0, -dotted.length)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail === undefined ? [] : tail ? tail.split(":") : [];
  const groups =
    tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(Number.parseInt(g, 16)), 0n);
}

function parseCidr(cidr: string, name: string): Range {
  const [ip, len] = cidr.trim().split("/");
  const v6 = isIPv6(ip);
  if (!v6 && !isIPv4(ip))
    throw new SitrepError("invalid-input", `not an IP address or CIDR: ${JSON.stringify(cidr)}`);
  const width = v6 ? 128 : 32;
  const bits = len === undefined ? width : Number(len);
  if (!Number.isInteger(bits) || bits < 0 || bits > width || (len !== undefined && !/^\d+$/.test(len))) {
    throw new SitrepError("invalid-input", `bad prefix length in ${JSON.stringify(cidr)}`);
  }
  const value = v6 ? v6ToBigInt(ip) : v4ToBigInt(ip);
  return { v6, base: value >> BigInt(width - bits), bits, name };
}

function inRange(range: Range, v6: boolean, value: bigint): boolean {
  return range.v6 === v6 && value >> BigInt((v6 ? 128 : 32) - range.bits) === range.base;
}

const RULES = [
  ...REFUSED_V4.map(([c, n]) => parseCidr(c, n)),
  ...REFUSED_V6.map(([c, n]) => parseCidr(c, n)),
];

/** A compiled guard: decides whether an address may be fetched, given an allow-list of IPs/CIDRs. */
export interface AddressGuard {
  check(ip: string): AddressVerdict;
}

/** Compiles an allow-list (IPs or CIDRs, e.g. ["127.0.0.1", "10.1.0.0/16"]); throws invalid-input on a bad entry. */
export function createAddressGuard(allow: readonly string[] = []): AddressGuard {
  const allowed = allow.map((entry) => parseCidr(entry, entry.trim()));
  function check(ip: string): AddressVerdict {
    const bare = ip.replace(/^\[|\]$/g, "");
    const v6 = isIPv6(bare);
    if (!v6 && !isIPv4(bare)) return { allowed: false, reason: `not an IP address: ${JSON.stringify(ip)}` };
    let value = v6 ? v6ToBigInt(bare) : v4ToBigInt(bare);
    if (v6 && inRange(MAPPED, true, value)) return check(ipv4String(value & 0xffffffffn));
    const hit = allowed.find((r) => inRange(r, v6, value));
    if (hit) return { allowed: true, reason: `allow-listed (${hit.name})` };
    const rule = RULES.find((r) => inRange(r, v6, value));
    if (rule) return { allowed: false, reason: `${bare} is a ${rule.name} address` };
    if (v6 && (inRange(NAT64, true, value) || inRange(SIX_TO_FOUR, true, value))) {
      value = inRange(NAT64, true, value) ? value & 0xffffffffn : (value >> 80n) & 0xffffffffn;
      const inner = check(ipv4String(value));
      if (!inner.allowed) return { allowed: false, reason: `${bare} embeds ${inner.reason}` };
    }
    return { allowed: true, reason: "public address" };
  }
  return { check };
}

function ipv4String(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 0xffn)).join(".");
}

/** One-off check of an address against the built-in refusals and an allow-list. */
export function checkAddress(ip: string, allow: readonly string[] = []): AddressVerdict {
  return createAddressGuard(allow).check(ip);
}
