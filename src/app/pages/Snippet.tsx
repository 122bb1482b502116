/** A code block with a copy button (the Embed page's snippets and guides). */
import { useState } from 'react';

export function Snippet({ code, label }: { code: string; label: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = () => {
    void (navigator.clipboard?.writeText(code) ?? Promise.reject(new Error('no clipboard'))).then(
      () => setCopied('yes'),
      () => setCopied('no'),
    );
  };
  return (
    <div className="snippet">
      <pre tabIndex={0} aria-label={label}>
        <code>{code}</code>
      </pre>
      <div className="snippet-tools">
        <button type="button" onClick={copy}>
          Copy
        </button>
        <span role="status" className="muted">
          {copied === 'yes'
            ? 'Copied to the clipboard.'
            : copied === 'no'
              ? 'The clipboard is not available here: select the text and copy it.'
              : ''}
        </span>
      </div>
    </div>
  );
}
