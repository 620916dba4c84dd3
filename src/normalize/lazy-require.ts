import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(import.meta.url);

/**
 * Loads a package file on first use, synchronously (Node 24 requires ES modules). The language and sentence
 * models (eld's n-gram tables, wink's model: ~80 MB of heap) are needed only to ingest. A serving process that
 * loaded them at start marked them in every full GC, which was most of the API's p99 tail under load.
 * `file` is a path inside the package, found where Node would look: eld exports its entries for `import` only.
 */
export function lazyRequire<T>(pkg: string, file?: string): () => T {
  let loaded: T | undefined;
  return () => {
    if (loaded === undefined) {
      if (!file) loaded = require(pkg) as T;
      else {
        const dir = (require.resolve.paths(pkg) ?? [])
          .map((p) => join(p, pkg))
          .find((p) => existsSync(join(p, file)));
        if (!dir) throw new Error(`${pkg}/${file} not found`);
        loaded = require(join(dir, file)) as T;
      }
    }
    return loaded;
  };
}
