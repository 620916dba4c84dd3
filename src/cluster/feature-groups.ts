/**
 * Kinds of evidence an article carries, each compared on its own and given an equal vote:
 * plain words, capitalized names (people, places, organisations), numbers, and dates.
 * Look-alike events (two rehab check-ins, two pirate attacks) share their words and differ
 * in who, where, how many and when, so those get a voice that a long body cannot drown out.
 */
export const FEATURE_GROUPS = ["word", "name", "number", "date"] as const;

/** Number of feature groups. */
export const GROUP_COUNT = FEATURE_GROUPS.length;

/** Key prefix of name features. */
export const NAME_PREFIX = "@";
/** Key prefix of number features. */
export const NUMBER_PREFIX = "#";
/** Key prefix of date features (years, months). */
export const DATE_PREFIX = "^";

/** Group index of a feature key, from its prefix (0 word, 1 name, 2 number, 3 date). */
export function featureGroup(key: string): number {
  switch (key.charCodeAt(0)) {
    case 64:
      return 1;
    case 35:
      return 2;
    case 94:
      return 3;
    default:
      return 0;
  }
}
