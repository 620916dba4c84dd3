import type { ItemError, RawArticle } from "../model/article.ts";

/** What every parser returns: the good items and one error per bad item. */
export interface ParseResult<T = RawArticle> {
  items: T[];
  errors: ItemError[];
}

/** A feed subscription listed in an OPML file. */
export interface OpmlFeed {
  title: string;
  url: string;
  /** Site URL (`htmlUrl`), when given. */
  siteUrl: string | null;
  /** Names of the enclosing outline folders, outermost first. */
  categories: string[];
}

/** Builds an ItemError; `item` must name the file / line / URL. Control characters become spaces. */
export function itemError(item: string, code: ItemError["code"], reason: string): ItemError {
  return { item: item.replace(/\p{Cc}+/gu, " "), code, reason: reason.replace(/\p{Cc}+/gu, " ") };
}
