/**
 * Stand-in for pluralize, which @refinedev/core uses for the English plural and singular of
 * resource names in its fallback labels ("Units" → "Unit"). Every label the admin shows comes
 * from its own zh-CN/English texts, so names stay as they are: the rule tables (3 KB gzip in the
 * entry chunk) are left out, and so is their cost — refine derived those fallbacks for every
 * resource at each menu render. Aliased in vite.config.ts.
 */
const same = (word: string): string => word;
export default { plural: same, singular: same };
