/** Numbers of the Sources list that a generated sentence cites: "[4, 5]", so a reader can check it there. */
export function Cite({ quotes, order }: { quotes: { articleId: string }[]; order: Map<string, number> }) {
  const nums = [
    ...new Set(quotes.map((q) => order.get(q.articleId)).filter((n): n is number => n !== undefined)),
  ];
  if (!nums.length) return null;
  return (
    <span className="cite" title={`From source ${nums.join(", ")} in the Sources list`}>
      [{nums.join(", ")}]
    </span>
  );
}
