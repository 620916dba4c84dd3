import cliProgress from "cli-progress";

/** A progress display: a bar on a TTY, otherwise a plain line every `every` items. */
export interface Progress {
  update: (done: number) => void;
  stop: () => void;
}

/** Starts a progress display on stderr for `label`, with `total` when known. */
export function startProgress(label: string, total: number | null, every = 5000): Progress {
  if (process.stderr.isTTY && total) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left`,
        stream: process.stderr,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { update: (d) => bar.update(Math.min(d, total)), stop: () => bar.stop() };
  }
  let next = every;
  const started = Date.now();
  return {
    update: (d) => {
      if (d < next) return;
      next = d + every;
      const rate = Math.round(d / Math.max(0.001, (Date.now() - started) / 1000));
      process.stderr.write(`${label}: ${d}${total ? `/${total}` : ""} items (${rate}/s)\n`);
    },
    stop: () => {},
  };
}
