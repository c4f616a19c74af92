// SQL fragments written in the domain beside the rule they express, without the database client
// (this code also runs in the browser). A fragment is what a tagged template holds, its text
// parts and its values; a model turns it into a query part with `Prisma.sql(f.strings, ...f.values)`.

/** Values a fragment binds: dates are bound as epoch milliseconds, as the database stores them. */
export type SqlValue = string | number | null;

export type SqlFragment = { readonly strings: readonly string[]; readonly values: readonly SqlValue[] };

/** A fragment of SQL text alone, nothing bound: names of tables, indexes and columns (never user input). */
export function sqlText(text: string): SqlFragment {
  return { strings: [text], values: [] };
}

function isFragment(value: unknown): value is SqlFragment {
  return typeof value === "object" && value !== null && "strings" in value && "values" in value;
}

/**
 * `sql\`m."dueDate" < ${today.getTime()}\``: each value is bound as a parameter, a list becomes
 * `?, ?, …` (for IN), and a nested fragment is spliced in with its own values.
 */
export function sql(strings: TemplateStringsArray, ...values: (SqlValue | readonly SqlValue[] | SqlFragment)[]): SqlFragment {
  const text: string[] = [strings[0]!];
  const bound: SqlValue[] = [];
  const append = (s: string) => {
    text[text.length - 1] += s;
  };
  const bind = (v: SqlValue) => {
    bound.push(v);
    text.push("");
  };
  values.forEach((value, i) => {
    if (isFragment(value)) {
      append(value.strings[0]!);
      value.values.forEach((v, k) => {
        bind(v);
        append(value.strings[k + 1]!);
      });
    } else if (Array.isArray(value)) {
      if (value.length === 0) throw new Error("sql: an empty list cannot be bound");
      value.forEach((v: SqlValue, k) => {
        if (k > 0) append(", ");
        bind(v);
      });
    } else {
      bind(value as SqlValue);
    }
    append(strings[i + 1]!);
  });
  return { strings: text, values: bound };
}
