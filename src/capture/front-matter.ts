import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** Metadata a plain-text or Markdown file may carry in a leading `---` YAML block. */
export const FrontMatter = z
  .object({
    title: z.string().optional(),
    source: z.string().optional(),
    published: z.union([z.string(), z.date()]).optional(),
    url: z.string().optional(),
    author: z.string().optional(),
    language: z.string().optional(),
  })
  .loose();
export type FrontMatter = z.infer<typeof FrontMatter>;

export interface SplitFrontMatter {
  frontMatter: FrontMatter | null;
  body: string;
  warnings: string[];
}

const BLOCK = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Separate a leading YAML front-matter block from the body; a malformed block is kept as text with a warning. */
export function splitFrontMatter(text: string): SplitFrontMatter {
  const match = BLOCK.exec(text);
  if (!match) return { frontMatter: null, body: text, warnings: [] };
  try {
    const parsed = FrontMatter.safeParse(parseYaml(match[1] ?? '', { schema: 'core' }));
    if (!parsed.success) {
      return { frontMatter: null, body: text, warnings: [`front matter ignored: ${parsed.error.issues[0]?.message ?? 'not a mapping'}`] };
    }
    return { frontMatter: parsed.data, body: text.slice(match[0].length), warnings: [] };
  } catch (error) {
    return { frontMatter: null, body: text, warnings: [`front matter ignored: ${(error as Error).message.split('\n')[0]}`] };
  }
}
