import type { SnippetPart } from '../../../src/model/api.js';

/** A search snippet: each part is a text node; hits are wrapped in <mark>. No HTML is ever parsed. */
export function Snippet({ parts }: { parts: SnippetPart[] }) {
  return (
    <span className="snippet">
      {parts.map((part, index) => (part.hit ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </span>
  );
}
