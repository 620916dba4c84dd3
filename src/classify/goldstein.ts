import type { PloverType } from "../model/event.ts";
import { GOLDSTEIN } from "./goldstein-table.ts";

// The CAMEO code whose Goldstein weight stands for each PLOVER type (its root or most typical code).
const REPRESENTATIVE: Record<PloverType, string> = {
  AGREE: "030",
  CONSULT: "040",
  SUPPORT: "051",
  COOPERATE: "060",
  AID: "070",
  CONCEDE: "080",
  RETREAT: "084",
  INVESTIGATE: "090",
  REQUEST: "100",
  DEMAND: "100",
  ACCUSE: "112",
  DISAPPROVE: "111",
  REJECT: "120",
  THREATEN: "130",
  PROTEST: "140",
  MOBILIZE: "150",
  SANCTION: "160",
  COERCE: "170",
  ASSAULT: "180",
  FIGHT: "190",
};

/** Goldstein weight (−10..+10) of a CAMEO code, falling back to its parent codes; null if unknown. */
export function goldsteinForCameo(code: string): number | null {
  for (let c = code; c.length >= 2; c = c.slice(0, -1)) {
    const g = GOLDSTEIN.get(c);
    if (g !== undefined) return g;
  }
  return null;
}

/** Representative Goldstein weight (−10..+10) of a PLOVER type. */
export function goldsteinForType(type: PloverType): number {
  return goldsteinForCameo(REPRESENTATIVE[type]) ?? 0;
}

/** The CAMEO code used as a PLOVER type's representative. */
export function representativeCameo(type: PloverType): string {
  return REPRESENTATIVE[type];
}
