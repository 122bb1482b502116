/** Validation errors, one per line: "params.nodes: 40 is above the maximum 64". */
export function ErrorList({
  title,
  errors,
  children,
}: {
  title: string;
  errors: readonly string[];
  children?: React.ReactNode;
}) {
  return (
    <div className="error-box" role="alert">
      <strong>{title}</strong>
      <ul>
        {errors.map((e) => (
          <li key={e}>
            <code>{e}</code>
          </li>
        ))}
      </ul>
      {children}
    </div>
  );
}
