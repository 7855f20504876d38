/** A block of a page or file: headings and list items are told apart so furniture rules can use them. */
export interface TextBlock {
  kind: 'heading' | 'paragraph' | 'item';
  text: string;
}

/** Join blocks as paragraphs separated by a blank line. */
export function joinBlocks(blocks: readonly TextBlock[]): string {
  return blocks.map((block) => block.text).join('\n\n');
}
